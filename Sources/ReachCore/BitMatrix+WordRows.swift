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
