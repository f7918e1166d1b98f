/// A parsed YAML document held as a flat arena: nodes in one array, children in another, scalar
/// bytes in a third. Strings are only materialised for the fields a decoder actually reads.
///
/// Why not Yams' `Node`: composing Yams nodes (an enum of structs with per-node `Tag` objects,
/// eager `String`s and a hashing duplicate-key check) ran at 3–4 MB/s on the 100k-object benchmark,
/// far below the 20 MB/s target; this arena over libyaml's event stream does the same job without
/// a per-node allocation. libyaml itself (the C library Yams wraps) still does all the parsing.
final class YAMLTree {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    struct Entry {
        var kind: Kind
        /// Plain (unquoted) scalar: subject to int/bool/null interpretation.
        var plain: Bool
        var line: Int32
        var column: Int32
        /// Scalars: byte offset into `bytes`; containers: offset into `children`.
        var start: Int32
        /// Scalars: byte length; sequences: element count; mappings: 2 × pair count (key, value, …).
        var count: Int32
    }

    // Unsafe buffers, not arrays: every read of an array element through the (unowned) tree
    // reference retained and released the array's buffer, about a fifth of all reference-counting
    // traffic of a load (callgrind, 10k-object file). The buffers are filled once here, never
    // mutated and freed in `deinit`; every index stored in them is made by ``TreeBuilder`` and
    // points inside them.
    let entries: UnsafeBufferPointer<Entry>
    let children: UnsafeBufferPointer<Int32>
    let bytes: UnsafeBufferPointer<UInt8>

    init(entries: [Entry], children: [Int32], bytes: [UInt8]) {
        self.entries = Self.copy(entries)
        self.children = Self.copy(children)
        self.bytes = Self.copy(bytes)
    }

    deinit {
        entries.deallocate()
        children.deallocate()
        bytes.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(buffer)
    }

    func root() -> YNode? { entries.isEmpty ? nil : YNode(tree: self, index: 0) }
}

/// A node of a ``YAMLTree`` (a cheap handle: the tree plus an index). The tree reference is
/// `unowned(unsafe)` to keep reference counting off the hot path: callers keep the tree alive
/// (``YAMLDocumentParser`` hands out trees, and nodes never outlive the decoding of their document).
struct YNode {
    unowned(unsafe) let tree: YAMLTree
    let index: Int32

    private var entry: YAMLTree.Entry { tree.entries[Int(index)] }

    var kind: YAMLTree.Kind { entry.kind }
    var isPlain: Bool { entry.plain }
    /// 1-based line and column within the parsed text.
    var line: Int { Int(entry.line) }
    var column: Int { Int(entry.column) }

    /// The scalar's text (empty for containers).
    var string: String {
        let e = entry
        guard e.kind == .scalar else { return "" }
        let start = Int(e.start)
        return String(decoding: UnsafeBufferPointer(rebasing: tree.bytes[start..<start + Int(e.count)]), as: UTF8.self)
    }

    /// Whether this is a scalar whose bytes equal `text` (no String allocation).
    func scalarEquals(_ text: StaticString) -> Bool {
        let e = entry
        guard e.kind == .scalar, Int(e.count) == text.utf8CodeUnitCount else { return false }
        let start = Int(e.start), buf = tree.bytes
        return text.withUTF8Buffer { t in
            for i in 0..<t.count where buf[start + i] != t[i] { return false }
            return true
        }
    }

    /// Whether this is a scalar spelling a YAML null: empty, `~`, `null`, `Null` or `NULL` (plainness
    /// is the caller's check). Byte comparisons only.
    /// - Complexity: O(1) (at most 4 bytes per spelling).
    var isNullSpelling: Bool {
        let e = entry
        guard e.kind == .scalar else { return false }
        switch e.count {
        case 0: return true
        case 1: return tree.bytes[Int(e.start)] == UInt8(ascii: "~")
        case 4: return scalarEquals("null" as StaticString) || scalarEquals("Null" as StaticString)
            || scalarEquals("NULL" as StaticString)
        default: return false
        }
    }

    /// The scalar's length in bytes (0 for containers).
    var scalarLength: Int {
        let e = entry
        return e.kind == .scalar ? Int(e.count) : 0
    }

    /// How often `byte` occurs in the scalar, counting no further than `limit`.
    /// - Complexity: O(scalar length).
    func scalarCount(of byte: UInt8, upTo limit: Int) -> Int {
        let e = entry
        guard e.kind == .scalar else { return 0 }
        var n = 0
        for i in Int(e.start)..<Int(e.start + e.count) where tree.bytes[i] == byte {
            n += 1
            if n >= limit { break }
        }
        return n
    }

    /// The scalar's first byte (`nil` for containers and empty scalars).
    var firstByte: UInt8? {
        let e = entry
        guard e.kind == .scalar, e.count > 0 else { return nil }
        return tree.bytes[Int(e.start)]
    }

    /// The scalar read as a decimal integer of 1–18 digits without a leading zero (`80`, `0`), the
    /// form every YAML and JSON reading agrees on; `nil` for anything else (the full
    /// ``YAMLScalar`` rules then apply). No allocation.
    /// - Complexity: O(scalar length), at most 18 bytes read.
    var plainDecimal: Int? {
        let e = entry
        guard e.kind == .scalar, e.count > 0, e.count <= 18 else { return nil }
        let start = Int(e.start), b = tree.bytes
        guard b[start] != UInt8(ascii: "0") || e.count == 1 else { return nil }
        var v = 0
        for i in start..<start + Int(e.count) {
            let d = b[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Whether this is a scalar whose bytes equal `text`.
    func scalarEquals(_ text: String) -> Bool {
        let e = entry
        var text = text
        return text.withUTF8 { t in
            guard e.kind == .scalar, Int(e.count) == t.count else { return false }
            let start = Int(e.start), buf = tree.bytes
            for i in 0..<t.count where buf[start + i] != t[i] { return false }
            return true
        }
    }

    /// Whether both are scalars with the same bytes.
    func sameScalar(as other: YNode) -> Bool {
        let a = entry, b = other.entry
        guard a.kind == .scalar, b.kind == .scalar, a.count == b.count else { return false }
        let sa = Int(a.start), sb = Int(b.start), buf = tree.bytes
        for i in 0..<Int(a.count) where buf[sa + i] != buf[sb + i] { return false }
        return true
    }

    /// Sequence elements.
    var elements: [YNode] {
        let e = entry
        guard e.kind == .sequence else { return [] }
        let start = Int(e.start)
        return (0..<Int(e.count)).map { YNode(tree: tree, index: tree.children[start + $0]) }
    }

    /// Mapping pairs in document order.
    var pairs: [(key: YNode, value: YNode)] {
        let e = entry
        guard e.kind == .mapping else { return [] }
        let start = Int(e.start)
        return stride(from: 0, to: Int(e.count), by: 2).map {
            (YNode(tree: tree, index: tree.children[start + $0]), YNode(tree: tree, index: tree.children[start + $0 + 1]))
        }
    }

    /// The value of the last pair whose key equals `key` (YAML parsers keep the last duplicate).
    func value(forKey key: StaticString) -> YNode? {
        let e = entry
        guard e.kind == .mapping else { return nil }
        let start = Int(e.start)
        var i = Int(e.count) - 2
        while i >= 0 {
            let k = YNode(tree: tree, index: tree.children[start + i])
            if k.scalarEquals(key) { return YNode(tree: tree, index: tree.children[start + i + 1]) }
            i -= 2
        }
        return nil
    }

    /// The `i`-th child of a container: sequence element `i`, or for a mapping the key of pair
    /// `i / 2` (even `i`) or its value (odd `i`). `i` must be below the element count (sequences)
    /// or twice the pair count (mappings).
    func child(_ i: Int) -> YNode {
        YNode(tree: tree, index: tree.children[Int(entry.start) + i])
    }

    /// Number of mapping pairs / sequence elements.
    var childCount: Int {
        let e = entry
        switch e.kind {
        case .scalar: return 0
        case .sequence: return Int(e.count)
        case .mapping: return Int(e.count) / 2
        }
    }
}
