import Testing
@testable import ReachCore

/// `BitSet.removeMember(_:)`, `remove(commonWith:inWords:appendingTo:)` and `isWordEmpty(_:)`
/// against brute force, across word boundaries and with sets of different capacities.
@Suite struct BitSetWordsTests {
    @Test func removeMemberReportsMembership() {
        var set = BitSet(capacity: 130, members: [0, 64, 129])
        let results = [64, 64, 1, -1, 500].map { set.removeMember($0) }
        #expect(results == [true, false, false, false, false])
        #expect(set.members == [0, 129])
    }

    @Test(arguments: [1, 7, 13])
    func removeCommonMembersMatchesBruteForce(step: Int) {
        let capacity = 300
        let ownMembers = Array(stride(from: 0, to: capacity, by: 2))
        let otherMembers = Array(stride(from: 0, to: capacity, by: step))
        for words in [[0, 1, 2, 3, 4], [1, 3], [4], [], [0, 2, 9]] as [[Int32]] {
            var set = BitSet(capacity: capacity, members: ownMembers)
            let other = BitSet(capacity: capacity, members: otherMembers)
            var removed = [-1]
            set.remove(commonWith: other, inWords: words, appendingTo: &removed)
            let inWords = Set(words.map(Int.init))
            let expected = ownMembers.filter { otherMembers.contains($0) && inWords.contains($0 >> 6) }
            #expect(removed == [-1] + expected, "step \(step) words \(words)")
            #expect(set.members == ownMembers.filter { !expected.contains($0) })
        }
    }

    @Test func removeCommonMembersWithSmallerOther() {
        var set = BitSet.full(capacity: 200)
        let other = BitSet.full(capacity: 70)
        var removed: [Int] = []
        set.remove(commonWith: other, inWords: set.nonEmptyWordIndices, appendingTo: &removed)
        #expect(removed == Array(0..<70))
        #expect(set.members == Array(70..<200))
    }

    @Test func wordEmptiness() {
        let set = BitSet(capacity: 200, members: [70])
        #expect(set.isWordEmpty(0))
        #expect(!set.isWordEmpty(1))
        #expect(set.isWordEmpty(3))
        #expect(set.isWordEmpty(4))
        #expect(set.isWordEmpty(-1))
    }
}
