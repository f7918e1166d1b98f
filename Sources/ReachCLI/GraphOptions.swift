import ArgumentParser
import Foundation
import ReachGraphviz
import ReachReports

/// Graph output formats: DOT text, or rendered in-process through Graphviz.
enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, svg, png, pdf
}

extension LayoutEngine: ExpressibleByArgument {}

/// Options shared by the `render` subcommands.
struct GraphOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: dot, svg, png or pdf.")
    var output: GraphFormat = .svg

    @Option(name: .customLong("out-file"), help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var outFile: String?

    @Option(help: ArgumentHelp("Graphviz layout engine (default: dot, sfdp for large graphs).", valueName: "engine"))
    var engine: LayoutEngine?

    @Option(name: .customLong("max-nodes"), help: "Node budget; beyond it nodes are aggregated (the legend says so).")
    var maxNodes: Int?

    func validate() throws {
        if let maxNodes, maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
    }

    /// Writes `document` in the chosen format.
    func emit(_ document: GraphDocument) throws {
        var doc = document
        if let engine { doc.engine = engine }
        try GraphEmitter.emit(doc, format: output, to: outFile)
    }
}

enum GraphEmitter {
    /// DOT as text; SVG, PNG and PDF rendered through libgvc. Graphviz errors become usage-level
    /// errors (exit 2) with Graphviz's message.
    static func emit(_ doc: GraphDocument, format: GraphFormat, to file: String?) throws {
        let data: Data
        do {
            switch format {
            case .dot: data = Data(doc.dot.utf8)
            case .svg: data = try doc.render(.svg)
            case .png: data = try doc.render(.png)
            case .pdf: data = try doc.render(.pdf)
            }
        } catch let error as GraphvizError {
            throw ValidationError(error.description)
        }
        if let file {
            try Output.write(data, toFile: file)
        } else if format == .dot || format == .svg {
            Output.write(String(decoding: data, as: UTF8.self))
        } else {
            Output.write(data: data)
        }
    }
}
