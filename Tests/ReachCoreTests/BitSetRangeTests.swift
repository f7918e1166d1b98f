import Testing
@testable import ReachCore

/// `BitSet.firstMember(in:)` and `forEachMember(in:)` against a brute-force scan, across word boundaries.
@Suite struct BitSetRangeTests {
    @Test(arguments: [0, 1, 63, 64, 65, 127, 128, 199])
    func firstMemberInRangeMatchesBruteForce(lower: Int) {
        let members = [3, 63, 64, 130, 190, 199]
        let set = BitSet(capacity: 200, members: members)
        for upper in stride(from: lower, through: 200, by: 7) {
            let expected = members.first { $0 >= lower && $0 < upper }
            #expect(set.firstMember(in: lower..<upper) == expected, "\(lower)..<\(upper)")
            #expect(set.intersects(lower..<upper) == (expected != nil))
            var visited: [Int] = []
            set.forEachMember(in: lower..<upper) { visited.append($0) }
            #expect(visited == members.filter { $0 >= lower && $0 < upper }, "forEachMember \(lower)..<\(upper)")
        }
    }

    @Test func emptyAndOutOfBoundsRanges() {
        let set = BitSet(capacity: 10, members: [0, 9])
        #expect(set.firstMember(in: 5..<5) == nil)
        #expect(set.firstMember(in: 10..<20) == nil)
        #expect(set.firstMember(in: -5..<1) == 0)
        #expect(BitSet(capacity: 0).firstMember(in: 0..<1) == nil)
        var visited: [Int] = []
        set.forEachMember(in: -5..<30) { visited.append($0) }
        BitSet(capacity: 0).forEachMember(in: 0..<1) { visited.append($0) }
        #expect(visited == [0, 9])
    }
}
