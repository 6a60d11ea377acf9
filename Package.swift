// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RareEarthAtlas",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "atlas", targets: ["atlas"]),
        .library(name: "Atlas", targets: ["Atlas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CRenameExchange"),
        .target(
            name: "Atlas",
            dependencies: [
                "CCmarkGFM",
                "CRenameExchange",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "AtlasServe",
            dependencies: [
                "Atlas",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "atlas",
            dependencies: [
                "Atlas",
                "AtlasServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AtlasTests",
            dependencies: ["Atlas", "AtlasServe"],
            exclude: ["Fixtures"]
        ),
    ]
)
