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
        blockTransposed(keepingRows: keep, into: &t)
        return t
    }

    /// The transpose written into `t` (reused storage; it is resized when its shape differs).
    /// Blocks whose 64 source rows are all dropped or empty are skipped after one clear.
    /// - Complexity: as ``blockTransposed(keepingRows:)``.
    public func blockTransposed(keepingRows keep: BitSet? = nil, into t: inout BitMatrix) {
        if t.rows != columns || t.columns != rows { t = BitMatrix(rows: columns, columns: rows) } else { t.clearAll() }
        let wpr = wordsPerRow, twpr = t.wordsPerRow, rowCount = rows, columnCount = columns
        let keepWords = keep?.words
        let block = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
        // The 64 source rows of one block row, copied contiguously (64 × wpr words) so the
        // per-block gathers hit cache instead of striding through the whole matrix.
        let band = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, 64 * wpr))
        defer { block.deallocate(); band.deallocate() }
        words.withUnsafeBufferPointer { srcBuffer in
            t.words.withUnsafeMutableBufferPointer { dstBuffer in
                guard let src = srcBuffer.baseAddress, let dst = dstBuffer.baseAddress else { return }
                for rb in 0..<twpr {
                    // Rows of this block that exist and are kept.
                    let present = rowCount - rb << 6 >= 64 ? ~UInt64(0) : (UInt64(1) << UInt64(rowCount - rb << 6)) &- 1
                    var kept = present
                    if let keepWords { kept &= rb < keepWords.count ? keepWords[rb] : 0 }
                    guard kept != 0 else { continue }
                    for k in 0..<64 {
                        if (kept >> UInt64(k)) & 1 != 0 {
                            band.advanced(by: k * wpr).update(from: src.advanced(by: ((rb << 6) + k) * wpr), count: wpr)
                        } else {
                            band.advanced(by: k * wpr).update(repeating: 0, count: wpr)
                        }
                    }
                    for cb in 0..<wpr {
                        var any: UInt64 = 0
                        for k in 0..<64 {
                            let word = band[k * wpr + cb]
                            block[k] = word
                            any |= word
                        }
                        guard any != 0 else { continue }
                        Self.transpose64(block)
                        let limit = min(64, columnCount - cb << 6)
                        var out = (cb << 6) * twpr + rb
                        for i in 0..<limit {
                            dst[out] = block[i]
                            out += twpr
                        }
                    }
                }
            }
        }
    }
}
