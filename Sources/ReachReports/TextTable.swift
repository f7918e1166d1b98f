/// A plain aligned text table (columns padded to the widest cell). Cells are raw values: they
/// are escaped with ``SafeText/terminal(_:)`` when rendered, so a name holding a newline or an
/// escape sequence cannot break the table or drive the terminal.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Column indices that are right-aligned (numbers).
    public var rightAligned: Set<Int>

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// - Complexity: O(cells).
    public func render(indent: String = "") -> String {
        let all = ([header] + rows).map { $0.map(SafeText.terminal) }
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in all {
            var cells: [String] = []
            for i in 0..<columns {
                let cell = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                cells.append(rightAligned.contains(i) ? pad + cell : (i == columns - 1 ? cell : cell + pad))
            }
            var line = indent + cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
