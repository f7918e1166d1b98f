extension BitMatrix {
    /// Row blocks (64 source rows each) transposed together, so that every cache line of an
    /// output row (8 words) is written in one go instead of once per row block.
    static let rowBlocksPerPass = 8

    /// Overwrites `self` with the transpose of a `rows × columns` matrix that is never
    /// materialised: `fill(r, buffer)` writes source row `r` into a zeroed buffer of
    /// `BitSet.wordCount(for: columns)` words (bits past `columns` must stay clear) and returns
    /// whether it wrote anything. `self` becomes `columns × rows`; its storage is reused when the
    /// shape already matches and it is uniquely referenced (every word is written, so no clearing
    /// pass is needed).
    ///
    /// Source rows are produced 512 at a time into a band of 512 × columns / 64 words, then each
    /// 64×64 block is transposed word-parallel (blocks that are all zero are written as zeros
    /// without transposing).
    /// - Complexity: O(rows × columns / 64) words written plus O(non-zero blocks × 64 × 6) for the
    ///   block transposes, plus the cost of `fill`; extra memory 512 × columns / 8 bytes.
    public mutating func assignTranspose(ofRows rows: Int, columns: Int,
                                         fill: (_ row: Int, _ words: UnsafeMutableBufferPointer<UInt64>) -> Bool) {
        let rows = max(0, rows), columns = max(0, columns)
        if self.rows != columns || self.columns != rows { self = BitMatrix(rows: columns, columns: rows) }
        let wpr = BitSet.wordCount(for: columns), twpr = wordsPerRow
        guard wpr > 0, twpr > 0 else { return }
        let group = Self.rowBlocksPerPass
        let bandRows = 64 * group
        let band = UnsafeMutablePointer<UInt64>.allocate(capacity: bandRows * wpr)
        let block = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
        defer { band.deallocate(); block.deallocate() }
        words.withUnsafeMutableBufferPointer { dstBuffer in
            guard let dst = dstBuffer.baseAddress else { return }
            var rb0 = 0
            while rb0 < twpr {
                let blocks = min(group, twpr - rb0)
                // Non-empty rows of each row block of this pass.
                var kept = [UInt64](repeating: 0, count: blocks)
                band.update(repeating: 0, count: blocks * 64 * wpr)
                for b in 0..<blocks {
                    for k in 0..<64 {
                        let r = (rb0 + b) << 6 + k
                        guard r < rows else { break }
                        let rowWords = UnsafeMutableBufferPointer(start: band.advanced(by: (b << 6 + k) * wpr), count: wpr)
                        if fill(r, rowWords) { kept[b] |= 1 << UInt64(k) }
                    }
                }
                for cb in 0..<wpr {
                    let limit = min(64, columns - cb << 6)
                    for b in 0..<blocks {
                        var out = (cb << 6) * twpr + rb0 + b
                        var any: UInt64 = 0
                        if kept[b] != 0 {
                            let base = band.advanced(by: (b << 6) * wpr + cb)
                            for k in 0..<64 {
                                let word = base[k * wpr]
                                block[k] = word
                                any |= word
                            }
                        }
                        if any == 0 {
                            for _ in 0..<limit { dst[out] = 0; out += twpr }
                            continue
                        }
                        Self.transpose64(block)
                        for i in 0..<limit { dst[out] = block[i]; out += twpr }
                    }
                }
                rb0 += blocks
            }
        }
    }
}
