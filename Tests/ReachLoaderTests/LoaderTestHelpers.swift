import ReachLoader
import ReachModel

func load(_ text: String, name: String = "test.yaml", namespaceDefault: String = "default") -> ClusterSnapshot {
    ManifestLoader(options: LoadOptions(namespaceDefault: namespaceDefault)).load(sources: [(name, text)])
}

extension ClusterSnapshot {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
