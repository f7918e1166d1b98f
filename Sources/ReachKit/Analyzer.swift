import Foundation
import ReachLoader
import ReachModel

/// The library facade: inputs in, snapshot and analysis results out. The CLI and other tools go
/// through this type; engines never see files or YAML.
public struct Analyzer: Sendable {
    public let snapshot: ClusterSnapshot

    public init(snapshot: ClusterSnapshot) {
        self.snapshot = snapshot
    }

    /// Loads `paths` (files, directories, `-` for stdin) with `options`.
    /// - Complexity: O(input size + n log n).
    public static func load(paths: [String], options: LoadOptions = LoadOptions(),
                            stdin: (() -> Data)? = nil) -> Analyzer {
        Analyzer(snapshot: ManifestLoader(options: options).load(paths: paths, stdin: stdin))
    }

    /// Loads in-memory sources.
    public static func load(sources: [(name: String, text: String)], options: LoadOptions = LoadOptions()) -> Analyzer {
        Analyzer(snapshot: ManifestLoader(options: options).load(sources: sources))
    }

    public var inventory: Inventory { Inventory(snapshot: snapshot) }
}
