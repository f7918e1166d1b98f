import ArgumentParser
import ReachKit
import ReachReports

/// `--azure DIR`: the Azure identity layer (docs/azure.md).
struct AzureOptions: ParsableArguments {
    @Option(name: .customLong("azure"),
            help: ArgumentHelp("A folder written by scripts/collect-azure.sh (aks.json, role-assignments.json, …): add Azure RBAC, Entra ID and managed identities.",
                               valueName: "dir"))
    var directory: String?

    /// The Azure analysis, `nil` without `--azure`.
    func load() -> AzureAnalysis? { directory.map { AzureAnalysis.load(directory: $0) } }

    /// Errors of the Azure inputs go to standard error and the command exits 2 (after answering).
    static func finish(_ analysis: AzureAnalysis?) throws {
        guard let analysis, analysis.hasErrors else { return }
        Output.writeError(DiagnosticsFormatter.text(analysis.diagnostics.filter { $0.severity == .error }))
        throw ExitCode(2)
    }
}
