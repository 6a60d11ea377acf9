import Foundation

/// What a build reads apart from the articles: the URL map, the entity registry, claim
/// corrections, datasets, templates and assets. Read on other cores while the dumps and
/// Markdown are parsed: in line, on one core, they were 45 ms of the 95 ms before the real
/// site's extraction, and a tenth of a second of one-core reading at 10,000 articles. Each
/// keeps its own diagnostics, which the build joins where it read the file before, so messages
/// keep their order.
struct SideFiles {
    /// A value with the diagnostics reading it gave.
    struct Read<Value: Sendable>: Sendable {
        let value: Value
        let log: DiagnosticLog

        init(_ read: (inout DiagnosticLog) -> Value) {
            var log = DiagnosticLog()
            value = read(&log)
            self.log = log
        }
    }

    let urls: Parallel.Pending<Read<URLMap>>
    /// nil: no registry file; .some(nil): a file that is no registry.
    let registry: Parallel.Pending<Read<[Entity]??>>
    let edits: Parallel.Pending<Read<ClaimEdits>>
    let datasets: Parallel.Pending<Read<[Dataset]>>
    let templates: Parallel.Pending<Read<TemplateSet?>>
    let assets: Parallel.Pending<Read<[OutputFile]>>

    /// Each file on its own, so the build waits only for the one it needs next.
    init(_ content: ContentFiles, builder: Builder) {
        let urls = content.urls, entities = content.entities, edits = content.claimEdits, datasets = content.datasets
        let root = builder.options.root
        self.urls = Parallel.Pending { Read { log in urls.map { URLMap.read($0, log: &log) } ?? URLMap() } }
        registry = Parallel.Pending { Read { log in entities.map { EntityRegistryReader.read($0, log: &log) } } }
        self.edits = Parallel.Pending { Read { log in edits.map { ClaimEditsReader.read($0, log: &log) } ?? ClaimEdits() } }
        self.datasets = Parallel.Pending { Read { log in datasets.compactMap { DatasetReader.read(csv: $0.csv, meta: $0.meta, log: &log) } } }
        templates = Parallel.Pending { Read { log in TemplateSet.load(root: root, log: &log) } }
        assets = Parallel.Pending { Read { log in builder.loadAssets(log: &log) } }
    }
}

extension Parallel.Pending {
    /// The file's value once it is read, its diagnostics added to `log`.
    func joined<Read: Sendable>(into log: inout DiagnosticLog) -> Read where Value == SideFiles.Read<Read> {
        let read = value()
        log.append(read.log)
        return read.value
    }
}
