import ArgumentParser
import ReachKit
import ReachLoader
import ReachModel
import ReachReports

/// Input options shared by every command that reads manifests.
struct InputOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("input")],
            help: ArgumentHelp("A manifest file, a directory (recursive: .yaml, .yml, .json) or - for stdin. Repeatable.",
                               valueName: "path"))
    var inputs: [String] = []

    @Option(name: .customLong("namespace-default"), help: "Namespace for namespaced objects that have none.")
    var namespaceDefault: String = "default"

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("at least one --input/-f PATH is required") }
        if namespaceDefault.isEmpty { throw ValidationError("--namespace-default must not be empty") }
    }

    var loadOptions: LoadOptions { LoadOptions(namespaceDefault: namespaceDefault) }

    /// Loads the inputs into one analysis session (each engine built at most once).
    func session() -> AnalysisSession { AnalysisSession.load(paths: inputs, options: loadOptions) }
}

/// The one ending of every command that read manifests: when the input had errors, they are
/// listed on standard error (standard output keeps only the answer, so `-o json` stays valid)
/// and the command exits 2 — after the answer for the valid objects was written.
enum LoadErrors {
    static func finish(_ snapshot: ClusterSnapshot) throws {
        guard snapshot.hasErrors else { return }
        Output.writeError(DiagnosticsFormatter.text(snapshot.diagnostics.filter { $0.severity == .error }))
        throw ExitCode(2)
    }
}

/// Output format selection.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
