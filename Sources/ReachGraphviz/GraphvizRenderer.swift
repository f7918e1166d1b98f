import CGraphviz
import Foundation

/// Errors from rendering through libgvc.
public enum GraphvizError: Error, Equatable, CustomStringConvertible {
    /// The DOT text did not parse; `message` is Graphviz's own error text.
    case syntax(String)
    /// Layout failed.
    case layout(String)
    /// Rendering failed (unknown format, plugin missing…).
    case render(String)

    public var description: String {
        switch self {
        case .syntax(let m): "Graphviz could not parse the DOT text: \(m)"
        case .layout(let m): "Graphviz layout failed: \(m)"
        case .render(let m): "Graphviz rendering failed: \(m)"
        }
    }
}

/// Layout engines offered by libgvc.
public enum LayoutEngine: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi
}

/// Output formats.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
}

/// Renders DOT text in-process through libgvc/libcgraph (no `dot` subprocess).
///
/// cgraph keeps global state (error buffer, string dictionaries) and is not thread-safe, so every
/// call is serialized on one process-wide lock.
public enum GraphvizRenderer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var errorText = ""

    private static let collectError: agusererrf = { message in
        if let message { GraphvizRenderer.errorText += String(cString: message) }
        return 0
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    /// - Complexity: that of the Graphviz layout (roughly O(V·E) for `dot` in practice).
    public static func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        errorText = ""
        let previous = agseterrf(collectError)
        defer { _ = agseterrf(previous) }
        _ = agreseterrors()

        guard let gvc = gvContext() else { throw GraphvizError.render("cannot create a Graphviz context") }
        defer { gvFreeContext(gvc) }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError.syntax(cleaned(errorText, fallback: "syntax error"))
        }
        defer { agclose(graph) }
        if format == .png { capBitmapSize(graph) }
        guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
            throw GraphvizError.layout(cleaned(errorText, fallback: "layout engine \(engine.rawValue) failed"))
        }
        defer { gvFreeLayout(gvc, graph) }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format.rawValue, &buffer, &length) == 0, let buffer else {
            throw GraphvizError.render(cleaned(errorText, fallback: "format \(format.rawValue) not available"))
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// The largest bitmap drawn, in inches (`size` attribute; 96 dpi → 5760 px per side).
    public static let maxBitmapInches = 60

    /// Bitmaps wider or taller than cairo's 32767 px make Graphviz 2.42 rescale and then crash
    /// with a double free in the cairo renderer; a `size` (only ever scaling down) keeps every PNG
    /// within bounds and its memory bounded. A `size` given in the DOT text is kept.
    private static func capBitmapSize(_ graph: UnsafeMutablePointer<Agraph_t>) {
        let name = strdup("size"), value = strdup("\(maxBitmapInches),\(maxBitmapInches)"), empty = strdup("")
        defer { free(name); free(value); free(empty) }
        if let current = agget(graph, name), current.pointee != 0 { return }
        _ = agsafeset(graph, name, value, empty)
    }

    /// Convenience: DOT to SVG text.
    public static func svg(dot: String, engine: LayoutEngine = .dot) throws -> String {
        String(decoding: try render(dot: dot, engine: engine, format: .svg), as: UTF8.self)
    }

    private static func cleaned(_ text: String, fallback: String) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? fallback : t
    }
}
