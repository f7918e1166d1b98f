import ReachCore
import Testing

/// `ParallelMap.map` keeps order for every size (sequential below 4 items, batched above) and
/// `SplitMix64` is the reference SplitMix64 sequence.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 3, 4, 5, 64, 1000])
    func mapPreservesOrder(count: Int) {
        let items = Array(0..<count)
        #expect(ParallelMap.map(items) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }

    @Test func resultSlotsHoldWhatWasSet() {
        let slots = ResultSlots<String>(count: 3)
        slots.set(2, "c")
        slots.set(0, "a")
        #expect(slots.get(0) == "a" && slots.get(1) == nil)
        #expect(slots.values == ["a", nil, "c"])
    }

    @Test func splitMix64ReferenceValues() {
        // The first outputs for seed 0 of the reference implementation (Vigna, splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var a = SplitMix64(seed: 42), b = SplitMix64(state: 42)
        #expect((0..<10).map { _ in a.index(7) } == (0..<10).map { _ in b.index(7) })
        #expect(a.index(0) == 0)
    }
}
