/// A dense `rows × columns` boolean matrix stored row-major in one contiguous word buffer.
///
/// Row `r` occupies words `r * wordsPerRow ..< (r + 1) * wordsPerRow`, so row operations are
/// word-parallel loops over contiguous memory. Hand-written for the same reason as ``BitSet``:
/// the closure and reachability kernels OR whole rows into each other in place.
public struct BitMatrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    public let wordsPerRow: Int
    public internal(set) var words: [UInt64]

    /// An all-zero matrix.
    /// - Complexity: O(rows × columns / 64) time and memory.
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.wordsPerRow = BitSet.wordCount(for: self.columns)
        self.words = [UInt64](repeating: 0, count: self.rows * self.wordsPerRow)
    }

    /// - Complexity: O(1).
    public subscript(row: Int, column: Int) -> Bool {
        get {
            guard row >= 0, row < rows, column >= 0, column < columns else { return false }
            return words[row * wordsPerRow + column >> 6] & (1 << UInt64(column & 63)) != 0
        }
        set {
            guard row >= 0, row < rows, column >= 0, column < columns else { return }
            let i = row * wordsPerRow + column >> 6
            if newValue { words[i] |= 1 << UInt64(column & 63) } else { words[i] &= ~(1 << UInt64(column & 63)) }
        }
    }

    /// Row `row` as a ``BitSet`` (a copy).
    /// - Complexity: O(columns / 64).
    public func row(_ row: Int) -> BitSet {
        guard row >= 0, row < rows else { return BitSet(capacity: columns) }
        let base = row * wordsPerRow
        var result = BitSet(capacity: columns)
        for w in 0..<wordsPerRow {
            var word = words[base + w]
            while word != 0 {
                result.insert(w << 6 | word.trailingZeroBitCount)
                word &= word &- 1
            }
        }
        return result
    }

    /// Replaces row `row` with `set` (capacities beyond `columns` are ignored).
    /// - Complexity: O(columns / 64).
    public mutating func setRow(_ row: Int, to set: BitSet) {
        guard row >= 0, row < rows else { return }
        let base = row * wordsPerRow
        for w in 0..<wordsPerRow { words[base + w] = w < set.words.count ? set.words[w] : 0 }
        clearRowTail(row)
    }

    /// `row[target] |= row[source]`; returns whether the target changed.
    /// - Complexity: O(columns / 64).
    @discardableResult
    public mutating func formUnion(row target: Int, withRow source: Int) -> Bool {
        guard target != source, target >= 0, target < rows, source >= 0, source < rows else { return false }
        let wpr = wordsPerRow
        var changed: UInt64 = 0
        words.withUnsafeMutableBufferPointer { buf in
            let t = target * wpr, s = source * wpr
            for w in 0..<wpr {
                let old = buf[t + w]
                let new = old | buf[s + w]
                changed |= old ^ new
                buf[t + w] = new
            }
        }
        return changed != 0
    }

    /// `row[target] |= set`; returns whether the target changed.
    /// - Complexity: O(columns / 64).
    @discardableResult
    public mutating func formUnion(row target: Int, with set: BitSet) -> Bool {
        guard target >= 0, target < rows else { return false }
        let base = target * wordsPerRow
        var changed: UInt64 = 0
        for w in 0..<min(wordsPerRow, set.words.count) {
            let old = words[base + w]
            let new = old | set.words[w]
            changed |= old ^ new
            words[base + w] = new
        }
        return changed != 0
    }

    /// Whether row `row` intersects `set`.
    /// - Complexity: O(columns / 64).
    public func rowIntersects(_ row: Int, _ set: BitSet) -> Bool {
        guard row >= 0, row < rows else { return false }
        let base = row * wordsPerRow
        for w in 0..<min(wordsPerRow, set.words.count) where words[base + w] & set.words[w] != 0 { return true }
        return false
    }

    /// Number of set bits in row `row`.
    /// - Complexity: O(columns / 64).
    public func rowCount(_ row: Int) -> Int {
        guard row >= 0, row < rows else { return 0 }
        let base = row * wordsPerRow
        var n = 0
        for w in 0..<wordsPerRow { n += words[base + w].nonzeroBitCount }
        return n
    }

    /// The transpose.
    /// - Complexity: O(rows × columns / 64 + set bits).
    public func transposed() -> BitMatrix {
        var t = BitMatrix(rows: columns, columns: rows)
        for r in 0..<rows {
            let base = r * wordsPerRow
            for w in 0..<wordsPerRow {
                var word = words[base + w]
                while word != 0 {
                    let c = w << 6 | word.trailingZeroBitCount
                    t.words[c * t.wordsPerRow + r >> 6] |= 1 << UInt64(r & 63)
                    word &= word &- 1
                }
            }
        }
        return t
    }

    private mutating func clearRowTail(_ row: Int) {
        let extra = wordsPerRow * 64 - columns
        guard extra > 0, wordsPerRow > 0 else { return }
        words[row * wordsPerRow + wordsPerRow - 1] &= ~UInt64(0) >> UInt64(extra)
    }
}
