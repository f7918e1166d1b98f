import Foundation
import ReachModel

/// Writes JSON exactly as Foundation's `JSONSerialization` does with `[.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes]` on Linux (the format of every kube-reach JSON output and
/// golden file): two-space indentation, `"key" : value`, empty containers as `[\n\n]`, keys ordered
/// by Foundation's comparison (numeric, case-insensitive, forced ordering, system locale), `"`,
/// `\` and control characters escaped (`\n`, `\t`, `\r`, `\b`, `\f`, else `\u00XX`), everything else
/// as UTF-8. A differential test checks byte equality against `JSONSerialization`.
///
/// Streaming: containers are opened and closed explicitly, so a caller can write millions of
/// array elements without building them first; ``JSONValue`` trees are written with ``value(_:)``.
/// Callers that stream an object's members themselves must give keys in ``JSONStream/keyOrder``.
public struct JSONStream {
    public let out: ByteWriter
    /// Per open container: whether it has members yet.
    private var hasMembers: [Bool] = []
    /// After a key: the value follows on the same line.
    private var afterKey = false
    /// Key orders already computed, by key list as given (objects of one shape share it):
    /// Foundation's comparison goes through ICU collation, far too slow to repeat per object.
    private let orders = OrderCache()

    public init(_ out: ByteWriter) { self.out = out }

    private final class OrderCache {
        var permutations: [[String]: [Int]] = [:]

        /// - Complexity: O(k) expected for a key list seen before, else O(k log k) comparisons.
        func order(_ keys: [String]) -> [Int] {
            if let hit = permutations[keys] { return hit }
            let p = keys.indices.sorted { JSONStream.keyOrder(keys[$0], keys[$1]) }
            if permutations.count < 4096 { permutations[keys] = p }
            return p
        }
    }

    /// Foundation's key order for `.sortedKeys`.
    /// - Complexity: O(key length).
    public static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                  locale: NSLocale.system) == .orderedAscending
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard let last = hasMembers.indices.last else { return }
        out.write(hasMembers[last] ? ",\n" : "\n")
        hasMembers[last] = true
        out.write(repeating: 32, count: 2 * hasMembers.count)
    }

    public mutating func beginObject() { beginValue(); out.write(byte: UInt8(ascii: "{")); hasMembers.append(false) }
    public mutating func beginArray() { beginValue(); out.write(byte: UInt8(ascii: "[")); hasMembers.append(false) }
    public mutating func endObject() { end(UInt8(ascii: "}")) }
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    private mutating func end(_ bracket: UInt8) {
        let had = hasMembers.popLast() ?? false
        out.write(had ? "\n" : "\n\n")
        out.write(repeating: 32, count: 2 * hasMembers.count)
        out.write(byte: bracket)
    }

    /// Records that the innermost open container has members written directly to ``out`` (a
    /// caller streaming pre-encoded elements, each preceded by `,\n` — `\n` for the first — and
    /// the indentation of ``depth``).
    public mutating func noteMembers() {
        if let last = hasMembers.indices.last { hasMembers[last] = true }
    }

    /// Number of open containers (element indentation is `2 × depth` spaces).
    public var depth: Int { hasMembers.count }

    /// Starts an object member; its value is the next thing written.
    public mutating func key(_ k: String) {
        beginValue()
        writeQuoted(k)
        out.write(" : ")
        afterKey = true
    }

    public mutating func string(_ s: String) { beginValue(); writeQuoted(s) }
    public mutating func int(_ n: Int) { beginValue(); out.write(decimal: n) }
    public mutating func bool(_ b: Bool) { beginValue(); out.write(b ? "true" : "false") }
    public mutating func null() { beginValue(); out.write("null") }

    /// An array element or member value whose JSON text (already quoted and escaped, e.g. from
    /// ``JSONStream/quoted(_:)``) is `raw`.
    public mutating func raw(_ raw: UnsafeRawBufferPointer) { beginValue(); out.write(bytes: raw) }

    /// Writes a whole tree.
    /// - Complexity: O(size + Σ k log k over objects of k keys).
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let n): int(n)
        case .number(let text): beginValue(); out.write(text)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let pairs):
            beginObject()
            for i in orders.order(pairs.map(\.0)) {
                key(pairs[i].0)
                value(pairs[i].1)
            }
            endObject()
        }
    }

    private func writeQuoted(_ s: String) {
        var bytes: [UInt8] = []
        Self.appendQuoted(s, to: &bytes)
        bytes.withUnsafeBytes { out.write(bytes: $0) }
    }

    /// `s` as a JSON string literal (quotes included), escaped as Foundation escapes — plus DEL,
    /// C1 controls, bidi and other format characters and U+2028/U+2029, which are valid raw in
    /// JSON but unsafe on a terminal, as `\uXXXX` (surrogate pairs above U+FFFF): the same JSON
    /// value, safe to `cat` (``SafeText/isTerminalUnsafe(_:)``).
    /// - Complexity: O(s.utf8.count).
    public static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        func unicodeEscape(_ unit: UInt16) {
            bytes += [92, UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 15)], hex[Int(unit >> 4 & 15)], hex[Int(unit & 15)]]
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: bytes += [92, 34]
            case 0x5C: bytes += [92, 92]
            case 0x0A: bytes += [92, UInt8(ascii: "n")]
            case 0x0D: bytes += [92, UInt8(ascii: "r")]
            case 0x09: bytes += [92, UInt8(ascii: "t")]
            case 0x08: bytes += [92, UInt8(ascii: "b")]
            case 0x0C: bytes += [92, UInt8(ascii: "f")]
            case 0..<0x20: unicodeEscape(UInt16(v))
            case 0x20..<0x7F: bytes.append(UInt8(v))
            default:
                if SafeText.isTerminalUnsafe(scalar) {
                    for unit in String(scalar).utf16 { unicodeEscape(unit) }
                } else {
                    bytes += Array(String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Small JSON documents as text (the whole document in memory; large outputs stream through
/// ``JSONStream`` into a ``ByteWriter`` instead).
public enum JSONText {
    /// `value` pretty-printed with sorted keys and a final newline.
    /// - Complexity: O(size of the document).
    public static func encode(_ value: JSONValue) -> String {
        let (writer, bytes) = ByteWriter.collecting()
        write(value, to: writer)
        try? writer.finish()
        return String(decoding: bytes(), as: UTF8.self)
    }

    /// Writes `value` and a final newline to `writer`.
    public static func write(_ value: JSONValue, to writer: ByteWriter) {
        var stream = JSONStream(writer)
        stream.value(value)
        writer.write(byte: 10)
    }
}
