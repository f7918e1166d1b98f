/// What a row producer wrote for ``BitMatrix/assignTranspose(ofRows:columns:rowMasks:fill:)``.
public enum TransposedRowFill: Sendable {
    /// Nothing (the buffer is still all zero).
    case empty
    /// Some bits, all inside words `words` of the row (the other words are still zero).
    case written(words: Range<Int>)
    /// Every column (the buffer must be left all zero: the row becomes one bit in a column mask).
    case full
}

/// Per output row of a transposition: keep it, clear it, or AND it with one of a few shared rows.
public struct TransposeRowMasks: Sendable {
    public static let keep: Int32 = -1
    public static let clear: Int32 = -2
    /// Output row → ``keep``, ``clear`` or the index of a row of ``table``.
    public var index: [Int32]
    /// Mask rows of the output's words-per-row words each, concatenated.
    public var table: [UInt64]

    public init(index: [Int32], table: [UInt64]) {
        self.index = index
        self.table = table
    }
}

extension BitMatrix {
    /// Row blocks (64 source rows each) transposed together, so that every cache line of an
    /// output row (8 words) is written in one go instead of once per row block.
    static let rowBlocksPerPass = 8

    /// Overwrites `self` with the transpose of a `rows × columns` matrix that is never
    /// materialised, then masked: output row `i` = (transposed row `i`) AND its mask in
    /// `rowMasks` (when given). `fill(r, buffer)` writes source row `r` into a zeroed buffer of
    /// `BitSet.wordCount(for: columns)` words (bits past `columns` must stay clear) and says what
    /// it wrote; a `.full` row costs one bit of a column mask instead of a block transpose. `self`
    /// becomes `columns × rows`; its storage is reused when the shape already matches and it is
    /// uniquely referenced (every word is written, so no clearing pass is needed).
    ///
    /// Source rows are produced 512 at a time into a band of 512 × columns / 64 words (only the
    /// word ranges rows report are scanned and cleared again); each 64×64 block with a set bit is
    /// transposed word-parallel, all-zero blocks are only written.
    /// - Complexity: O(rows × columns / 64) words written plus O(non-zero blocks × 64 × 6) for the
    ///   block transposes, plus the cost of `fill`; extra memory 512 × columns / 8 bytes.
    public mutating func assignTranspose(ofRows rows: Int, columns: Int, rowMasks: TransposeRowMasks? = nil,
                                         fill: (_ row: Int, _ words: UnsafeMutableBufferPointer<UInt64>) -> TransposedRowFill) {
        let rows = max(0, rows), columns = max(0, columns)
        if self.rows != columns || self.columns != rows { self = BitMatrix(rows: columns, columns: rows) }
        let wpr = BitSet.wordCount(for: columns), twpr = wordsPerRow
        guard wpr > 0, twpr > 0 else { return }
        let group = Self.rowBlocksPerPass
        let band = UnsafeMutablePointer<UInt64>.allocate(capacity: 64 * group * wpr)
        band.initialize(repeating: 0, count: 64 * group * wpr)
        // occupied[b * wpr + cb]: OR of the words cb of the rows of row block b (0 = empty block).
        let occupied = UnsafeMutablePointer<UInt64>.allocate(capacity: group * wpr)
        // The transposed blocks of one column block, row block b at b × 64.
        let blocksOut = UnsafeMutablePointer<UInt64>.allocate(capacity: 64 * group)
        defer { band.deallocate(); occupied.deallocate(); blocksOut.deallocate() }
        // Word ranges written into the band this pass (cleared again after it).
        var written: [(row: Int, words: Range<Int>)] = []
        // full[b]: rows of row block b that are all ones (a column mask of the output).
        var full = [UInt64](repeating: 0, count: group)
        let maskIndex = rowMasks?.index ?? []
        let maskTable = rowMasks?.table ?? []
        words.withUnsafeMutableBufferPointer { dstBuffer in
            maskTable.withUnsafeBufferPointer { table in
                guard let dst = dstBuffer.baseAddress else { return }
                var rb0 = 0
                while rb0 < twpr {
                    let blocks = min(group, twpr - rb0)
                    for b in 0..<group { full[b] = 0 }
                    occupied.update(repeating: 0, count: blocks * wpr)
                    written.removeAll(keepingCapacity: true)
                    for b in 0..<blocks {
                        for k in 0..<64 {
                            let r = (rb0 + b) << 6 + k
                            guard r < rows else { break }
                            let bandRow = b << 6 + k
                            let rowStart = band.advanced(by: bandRow * wpr)
                            switch fill(r, UnsafeMutableBufferPointer(start: rowStart, count: wpr)) {
                            case .empty: break
                            case .full: full[b] |= 1 << UInt64(k)
                            case .written(let range):
                                let lo = max(0, range.lowerBound), hi = min(wpr, range.upperBound)
                                guard lo < hi else { break }
                                written.append((bandRow, lo..<hi))
                                let occ = occupied.advanced(by: b * wpr)
                                for w in lo..<hi { occ[w] |= rowStart[w] }
                            }
                        }
                    }
                    for cb in 0..<wpr {
                        let limit = min(64, columns - cb << 6)
                        // Bit b: row block b has a set bit in this column block (else its
                        // output words are just the column mask `full[b]`).
                        var transposed: UInt64 = 0
                        for b in 0..<blocks where occupied[b * wpr + cb] != 0 {
                            let dstBlock = blocksOut.advanced(by: b << 6)
                            let base = band.advanced(by: (b << 6) * wpr + cb)
                            for k in 0..<64 { dstBlock[k] = base[k * wpr] }
                            Self.transpose64(dstBlock)
                            let orWord = full[b]
                            if orWord != 0 { for k in 0..<64 { dstBlock[k] |= orWord } }
                            transposed |= 1 << UInt64(b)
                        }
                        // Output row i gets its `blocks` consecutive words (one cache line) at once.
                        for i in 0..<limit {
                            let out = dst.advanced(by: (cb << 6 + i) * twpr + rb0)
                            let m = maskIndex.isEmpty ? TransposeRowMasks.keep : maskIndex[cb << 6 + i]
                            if m == TransposeRowMasks.clear {
                                for b in 0..<blocks { out[b] = 0 }
                                continue
                            }
                            for b in 0..<blocks {
                                var value = (transposed >> UInt64(b)) & 1 != 0 ? blocksOut[b << 6 + i] : full[b]
                                if m >= 0 { value &= table[Int(m) * twpr + rb0 + b] }
                                out[b] = value
                            }
                        }
                    }
                    for (row, range) in written {
                        band.advanced(by: row * wpr + range.lowerBound).update(repeating: 0, count: range.count)
                    }
                    rb0 += blocks
                }
            }
        }
        // Bits past `rows` in each output row's last word come only from `full` (never set
        // there: rows beyond `rows` are not filled), so the tails stay clear.
    }
}
