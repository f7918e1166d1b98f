extension BitMatrix {
    /// Row `row` as a ``BitSet`` by copying its words (``row(_:)`` inserts bit by bit).
    /// - Complexity: O(columns / 64).
    public func rowSet(_ row: Int) -> BitSet {
        var result = BitSet(capacity: columns)
        guard row >= 0, row < rows, wordsPerRow > 0 else { return result }
        let base = row * wordsPerRow
        result.words = Array(words[base..<(base + wordsPerRow)])
        return result
    }
}

extension BitMatrix {
    /// The transpose of the rows in `keep` (other rows read as empty).
    /// - Complexity: O(|keep| × columns / 64 + set bits of the kept rows + rows × columns / 64 to allocate).
    public func transposed(keepingRows keep: BitSet) -> BitMatrix {
        var t = BitMatrix(rows: columns, columns: rows)
        let wpr = wordsPerRow, twpr = t.wordsPerRow
        words.withUnsafeBufferPointer { src in
            t.words.withUnsafeMutableBufferPointer { dst in
                keep.forEachMember { r in
                    guard r < rows else { return }
                    let base = r * wpr, bit = UInt64(1) << UInt64(r & 63), col = r >> 6
                    for w in 0..<wpr {
                        var word = src[base + w]
                        while word != 0 {
                            let c = w << 6 | word.trailingZeroBitCount
                            dst[c * twpr + col] |= bit
                            word &= word &- 1
                        }
                    }
                }
            }
        }
        return t
    }
}

extension BitMatrix {
    /// Mutable access to the row-major word buffer (row `r` = words `r × wordsPerRow ..<`).
    /// Callers must keep bits past `columns` in each row's last word clear.
    public mutating func withWords<R>(_ body: (UnsafeMutableBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Read-only access to the row-major word buffer.
    public func withWordsReadOnly<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer(body)
    }
}

extension BitMatrix {
    /// Clears every bit, keeping the storage.
    /// - Complexity: O(rows × columns / 64).
    public mutating func clearAll() {
        words.withUnsafeMutableBufferPointer { buf in
            if let base = buf.baseAddress { base.update(repeating: 0, count: buf.count) }
        }
    }
}
