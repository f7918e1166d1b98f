extension BitSet {
    /// The smallest member in `range`, if any (word-parallel: whole words are skipped).
    /// - Complexity: O(range.count / 64 + 1).
    public func firstMember(in range: Range<Int>) -> Int? {
        let lower = Swift.max(0, range.lowerBound), upper = Swift.min(capacity, range.upperBound)
        guard lower < upper else { return nil }
        var wi = lower >> 6
        var word = words[wi] & (~UInt64(0) << UInt64(lower & 63))
        while true {
            if word != 0 {
                let member = wi << 6 | word.trailingZeroBitCount
                return member < upper ? member : nil
            }
            wi += 1
            guard wi << 6 < upper else { return nil }
            word = words[wi]
        }
    }

    /// Whether any member lies in `range`.
    /// - Complexity: O(range.count / 64 + 1).
    public func intersects(_ range: Range<Int>) -> Bool { firstMember(in: range) != nil }
}
