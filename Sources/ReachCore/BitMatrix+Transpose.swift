extension BitMatrix {
    /// In-place transpose of a 64×64 bit block: `block[k]` bit `i` (LSB first) becomes
    /// `block[i]` bit `k`. Six rounds of masked swaps (Hacker's Delight, §7-3, LSB-first variant).
    /// - Complexity: O(64 × log 64) word operations.
    @inline(__always)
    static func transpose64(_ a: UnsafeMutablePointer<UInt64>) {
        var j = 32
        var m: UInt64 = 0x0000_0000_FFFF_FFFF
        while j != 0 {
            var k = 0
            while k < 64 {
                let t = ((a[k] >> UInt64(j)) ^ a[k + j]) & m
                a[k + j] ^= t
                a[k] ^= t << UInt64(j)
                k = (k + j + 1) & ~j
            }
            j >>= 1
            m ^= m << UInt64(j)
        }
    }

    /// The transpose, computed 64×64 blocks at a time; rows not in `keep` (when given) read as empty.
    /// Word-parallel, so its cost does not depend on how many bits are set — dense reachability
    /// rows (a rule allowing every namespace) cost the same as sparse ones.
    /// - Complexity: O(rows × columns / 64 × 6) word operations, plus the output allocation.
    public func blockTransposed(keepingRows keep: BitSet? = nil) -> BitMatrix {
        var t = BitMatrix(rows: columns, columns: rows)
        let wpr = wordsPerRow, twpr = t.wordsPerRow
        let block = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
        defer { block.deallocate() }
        words.withUnsafeBufferPointer { src in
            t.words.withUnsafeMutableBufferPointer { dst in
                for rb in 0..<twpr {            // block row of the source = 64 source rows
                    for cb in 0..<wpr {         // block column = one word of each source row
                        var any: UInt64 = 0
                        for k in 0..<64 {
                            let r = rb << 6 | k
                            let word = r < rows && (keep?.contains(r) ?? true) ? src[r * wpr + cb] : 0
                            block[k] = word
                            any |= word
                        }
                        guard any != 0 else { continue }
                        Self.transpose64(block)
                        for i in 0..<64 {
                            let c = cb << 6 | i
                            guard c < columns else { break }
                            dst[c * twpr + rb] = block[i]
                        }
                    }
                }
            }
        }
        return t
    }
}
