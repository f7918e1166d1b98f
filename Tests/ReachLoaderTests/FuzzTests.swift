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
    ]

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
}

/// The fuzz test's generator.
typealias Fuzzer = SplitMix64
