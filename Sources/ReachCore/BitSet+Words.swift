extension BitSet {
    /// Removes `member`; returns whether it was a member (out-of-range values never are).
    /// - Complexity: O(1).
    @discardableResult
    public mutating func removeMember(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        let bit = UInt64(1) << UInt64(member & 63)
        guard words[member >> 6] & bit != 0 else { return false }
        words[member >> 6] &= ~bit
        return true
    }

    /// Removes the members `self` shares with `other`, looking only at the words whose indices
    /// are listed in `wordIndices` (ascending; members in other words stay), and appends each
    /// removed member to `removed` in ascending order. Meant for searches that keep the still-open
    /// words of a large set in `wordIndices` and drop emptied ones as they go.
    /// - Complexity: O(wordIndices.count + removed members); no allocation besides `removed`.
    public mutating func remove(commonWith other: BitSet, inWords wordIndices: [Int32], appendingTo removed: inout [Int]) {
        words.withUnsafeMutableBufferPointer { dst in
            other.words.withUnsafeBufferPointer { src in
                let limit = Swift.min(dst.count, src.count)
                for w32 in wordIndices {
                    let w = Int(w32)
                    guard w < limit else { break }
                    var x = src[w] & dst[w]
                    guard x != 0 else { continue }
                    dst[w] &= ~x
                    while x != 0 {
                        removed.append(w << 6 | x.trailingZeroBitCount)
                        x &= x &- 1
                    }
                }
            }
        }
    }

    /// Whether the storage word at `index` holds no member (`true` outside the storage).
    /// - Complexity: O(1).
    public func isWordEmpty(_ index: Int) -> Bool {
        guard index >= 0, index < words.count else { return true }
        return words[index] == 0
    }
}
