import ArgumentParser
import ReachKit
import ReachReports

/// `kube-reach inventory`: what was loaded, per kind and namespace, and every diagnostic.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Count loaded objects per kind and namespace and list every load diagnostic.",
        discussion: "Exits 2 when any input error was found (the report is printed first)."
    )

    @OptionGroup var input: InputOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let inventory = input.session().analyzer.inventory
        switch output {
        case .text: Output.write(InventoryFormatter.text(inventory))
        case .json: Output.write(InventoryFormatter.json(inventory))
        }
        if inventory.count(.error) > 0 { throw ExitCode(2) }
    }
}
