/// Builds the text or Markdown of ``DiffTextFormatter``: headings, lines and list items, with
/// every input-derived value escaped for the style (``SafeText/terminal(_:)`` or
/// ``SafeText/markdownCell(_:)``).
struct DiffWriter {
    let style: DiffTextFormatter.Style
    private var out = ""
    private var inList = false

    init(style: DiffTextFormatter.Style) { self.style = style }

    /// An input-derived value, escaped.
    func escape(_ s: String) -> String { style == .text ? SafeText.terminal(s) : SafeText.markdownCell(s) }

    /// An input-derived name: in Markdown a code-like span made of escaped text (no backticks, so
    /// nothing in the value can close it).
    func code(_ s: String) -> String { style == .text ? SafeText.terminal(s) : "**" + SafeText.markdownCell(s) + "**" }

    mutating func heading(_ level: Int, _ text: String) {
        endList()
        switch style {
        case .text:
            if !out.isEmpty { out += "\n" }
            out += level == 1 ? SafeText.terminal(text) + "\n" : String(repeating: "  ", count: level - 2) + SafeText.terminal(text) + ":\n"
        case .markdown:
            if !out.isEmpty { out += "\n" }
            out += String(repeating: "#", count: level + 1) + " " + SafeText.markdownCell(text) + "\n"
        }
    }

    mutating func line(_ text: String) {
        endList()
        out += (style == .markdown ? "\n" : "") + text + "\n"
    }

    /// One list item: a sign (`+`, `-`, `*`) and already-escaped words.
    mutating func item(_ sign: String, _ words: [String]) {
        switch style {
        case .text:
            out += "    \(sign) " + words.joined(separator: " ") + "\n"
        case .markdown:
            if !inList { out += "\n"; inList = true }
            let mark = sign == "+" ? "➕ " : sign == "-" ? "➖ " : ""
            out += "- \(mark)" + words.joined(separator: " ") + "\n"
        }
    }

    mutating func endList() { inList = false }

    func finish() -> String { out }
}
