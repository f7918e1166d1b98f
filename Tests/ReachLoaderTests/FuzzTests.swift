import Foundation
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// Fuzz-style robustness: random truncations and mutations of real manifests never crash the
/// loader, and every error it reports is located. Seeded, so failures reproduce.
@Suite struct FuzzTests {
    static let mutations: [@Sendable (inout [UInt8], inout Fuzzer) -> Void] = [
        { bytes, rng in bytes = Array(bytes.prefix(rng.index(bytes.count + 1))) },                    // truncate
        { bytes, rng in if !bytes.isEmpty { bytes.remove(at: rng.index(bytes.count)) } },               // drop a byte
        { bytes, rng in bytes.insert(rng.pick(Array("[]{}:-\t\"'&*!|>#%@`,\n ".utf8)), at: rng.index(bytes.count + 1)) },
        { bytes, rng in                                                                                   // swap two lines
            var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 1 else { return }
            lines.swapAt(rng.index(lines.count), rng.index(lines.count))
            bytes = Array(lines.joined(separator: [10]))
        },
        { bytes, rng in                                                                                   // scalar → list
            guard let colon = (0..<bytes.count).filter({ bytes[$0] == UInt8(ascii: ":") }).randomElement(using: &rng) else { return }
            bytes.insert(contentsOf: Array(" [1, {a: b}]".utf8), at: colon + 1)
        },
        { bytes, rng in                                                                                   // duplicate a block
            let start = rng.index(bytes.count + 1), end = min(bytes.count, start + rng.index(400))
            bytes.insert(contentsOf: bytes[start..<end], at: rng.index(bytes.count + 1))
        },
        // Issue 16: hostile growth. An alias chain of 1–9 levels × 9 (up to a billion laughs), at a
        // line start; self-references included.
        { bytes, rng in
            let levels = 1 + rng.index(9)
            var text = "zz0: &zz0 [l, l, l, l, l, l, l, l, l]\n"
            for i in 1..<levels { text += "zz\(i): &zz\(i) [" + Array(repeating: "*zz\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
            if rng.index(4) == 0 { text += "zzs: &zzs [*zzs]\n" }
            bytes.insert(contentsOf: Array(text.utf8), at: Self.lineStart(bytes, rng.index(bytes.count + 1)))
        },
        // Deep flow nesting after a colon: usually modest, sometimes past the 10,000 limit.
        { bytes, rng in
            guard let colon = (0..<bytes.count).filter({ bytes[$0] == UInt8(ascii: ":") }).randomElement(using: &rng) else { return }
            let depth = rng.index(20) == 0 ? 10_001 : 50 + rng.index(1000)
            let open = rng.index(2) == 0 ? UInt8(ascii: "[") : UInt8(ascii: "{")
            var nest = [UInt8(ascii: " ")] + Array(repeating: open, count: depth)
            if rng.index(3) > 0 { nest += Array(repeating: open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}"), count: depth) }
            bytes.insert(contentsOf: nest, at: colon + 1)
        },
        // Control characters, NULs, ESC/BEL sequences, invalid UTF-8 and a merge key.
        { bytes, rng in
            let junk: [[UInt8]] = [[0], [7], [8], [0x1B, 0x5B, 0x32, 0x4A], [0x1B, 0x5D, 0x30, 0x3B, 0x78, 0x07], [0x7F],
                                   [0xC3], [0xFF, 0xFE], [0x0D], [0x85], Array("<<: *zz0\n".utf8), Array("\u{2028}".utf8)]
            for _ in 0..<(1 + rng.index(4)) { bytes.insert(contentsOf: rng.pick(junk), at: rng.index(bytes.count + 1)) }
        },
    ]

    /// Index of the start of the line holding `i`.
    static func lineStart(_ bytes: [UInt8], _ i: Int) -> Int {
        var j = min(i, bytes.count)
        while j > 0, bytes[j - 1] != 10 { j -= 1 }
        return j
    }

    static func inputs() -> [(String, [UInt8])] {
        var files: [URL] = []
        if let corpus = TestPaths.corpus {
            files = CorpusTests.files(under: corpus)
        } else {
            print("⚠️  FuzzTests: ../shared/corpus not found; fuzzing the project's own Fixtures only")
        }
        files += CorpusTests.files(under: TestPaths.fixtures)
        var rng = Fuzzer(seed: 2026)
        let sample = files.count > 150 ? (0..<150).map { _ in files[rng.index(files.count)] } : files
        return sample.compactMap { url in
            guard let data = try? Data(contentsOf: url), data.count < 400_000 else { return nil }
            return (url.lastPathComponent, Array(data))
        }
    }

    @Test func mutatedManifestsNeverCrashAndErrorsAreLocated() {
        var rng = Fuzzer(seed: 1)
        let loader = ManifestLoader()
        var runs = 0, errors = 0
        for (name, original) in Self.inputs() {
            for _ in 0..<6 {
                var bytes = original
                for _ in 0..<(1 + rng.index(3)) { Self.mutations[rng.index(Self.mutations.count)](&bytes, &rng) }
                let snapshot = loader.load(paths: ["-"], stdin: { Data(bytes) })
                runs += 1
                for d in snapshot.diagnostics where d.severity == .error {
                    errors += 1
                    #expect(d.location != nil, "unlocated error for mutated \(name): \(d)")
                }
                _ = name
            }
        }
        #expect(runs > 0)
        #expect(errors > 0, "mutations should produce some errors")
    }

    /// Every hostile mutation on its own, on a valid manifest: no crash, located errors, and each
    /// load well inside its budget (no hang).
    @Test func hostileGrowthStaysWithinBudgets() {
        let seed = Array("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: x, labels: {app: web}}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - ports: [{port: 80}]
        """.utf8)
        var rng = Fuzzer(seed: 16)
        let loader = ManifestLoader()
        for m in Self.mutations.indices.suffix(3) {
            for _ in 0..<12 {
                var bytes = seed
                Self.mutations[m](&bytes, &rng)
                let start = DispatchTime.now().uptimeNanoseconds
                let snapshot = loader.load(paths: ["-"], stdin: { Data(bytes) })
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                #expect(seconds < 3, "mutation \(m) took \(seconds) s")
                for d in snapshot.diagnostics where d.severity == .error {
                    #expect(d.location != nil, "unlocated error: \(d)")
                }
            }
        }
    }
}

/// The fuzz test's generator.
typealias Fuzzer = SplitMix64
