/// The command an editor most likely meant by a word the CLI does not know (`biuld` → `build`).
/// Only a close match is offered: a suggestion that names an unrelated command misleads more than
/// none, so beyond a slip of a key or two the list of commands is all that is shown.
public enum CommandSuggestion {
    public static func nearest(_ word: String, in commands: [String]) -> String? {
        let typed = word.lowercased()
        // A prefix (`chec`, `serv`) is a command cut short.
        if typed.count >= 2, let prefixed = commands.first(where: { $0.hasPrefix(typed) }) { return prefixed }
        // A transposition (`biuld`) costs 2 in plain edit distance, so 2 is allowed for words of 5 or more.
        let allowed = typed.count >= 5 ? 2 : 1
        let scored = commands.map { (command: $0, distance: EditDistance.distance(typed, $0)) }
        guard let best = scored.min(by: { ($0.distance, $0.command) < ($1.distance, $1.command) }), best.distance <= allowed else { return nil }
        return best.command
    }
}
