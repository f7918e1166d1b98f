import ArgumentParser
import ReachKit
import ReachLoader

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

    func analyzer() -> Analyzer { Analyzer.load(paths: inputs, options: loadOptions) }
}

/// Output format selection.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
