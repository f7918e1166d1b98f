import Foundation
import ReachCore
import ReachModel
import ReachReports
import ReachTestSupport
import Testing

/// The JSON writer against Foundation's `JSONSerialization` (`[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`), whose format every golden file was recorded in: random documents
/// with awkward keys (case, digits, punctuation, non-ASCII) and strings (every control character,
/// quotes, backslashes, slashes, emoji) must come out byte for byte the same.
@Suite struct JSONWriterTests {
    static let keyAlphabet = Array("aAbZ019_-./$ éx")
    static let stringAlphabet: [Character] = Array("a\"\\/é😀 ") + (0..<32).map { Character(UnicodeScalar(UInt8($0))) }

    struct Gen {
        var rng: SplitMix64
        mutating func int(_ n: Int) -> Int { Int.random(in: 0..<n, using: &rng) }
        mutating func text(_ alphabet: [Character], max: Int) -> String {
            String((0..<int(max + 1)).map { _ in alphabet[int(alphabet.count)] })
        }
        mutating func value(depth: Int) -> (JSONValue, Any) {
            switch depth > 3 ? int(4) : int(7) {
            case 0: return (.null, NSNull())
            case 1: let b = int(2) == 0; return (.bool(b), b)
            case 2: let n = int(2_000_001) - 1_000_000; return (.int(n), n)
            case 3: let s = text(JSONWriterTests.stringAlphabet, max: 12); return (.string(s), s)
            case 4, 5:
                var pairs: [(String, JSONValue)] = [], dict: [String: Any] = [:]
                for _ in 0..<int(6) {
                    let k = text(JSONWriterTests.keyAlphabet, max: 5)
                    if dict[k] != nil { continue }
                    let (v, a) = value(depth: depth + 1)
                    pairs.append((k, v)); dict[k] = a
                }
                return (.object(pairs), dict)
            default:
                var items: [JSONValue] = [], list: [Any] = []
                for _ in 0..<int(5) { let (v, a) = value(depth: depth + 1); items.append(v); list.append(a) }
                return (.array(items), list)
            }
        }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(60)))
    func matchesJSONSerialization(seed: UInt64) throws {
        var gen = Gen(rng: SplitMix64(state: seed))
        var (value, any) = gen.value(depth: 0)
        if case .object = value {} else { (value, any) = (.object([("v", value)]), ["v": any]) }
        let data = try JSONSerialization.data(withJSONObject: any, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(JSONText.encode(value) == String(decoding: data, as: UTF8.self) + "\n", "seed \(seed)")
    }

    /// Beyond Foundation: characters valid raw in JSON but unsafe on a terminal are escaped.
    @Test func terminalUnsafeCharactersAreEscaped() {
        #expect(JSONText.encode(["k": "a\u{7f}b\u{9b}c\u{202e}d\u{2028}"]) == "{\n  \"k\" : \"a\\u007fb\\u009bc\\u202ed\\u2028\"\n}\n")
    }

    @Test func parsedDocumentsRoundTrip() throws {
        let text = #"{"b": [1, 2.5, true, null, "x"], "a": {"k": false}, "n": -3}"#
        let value = try #require(JSONValue(parsing: Data(text.utf8)))
        #expect(value["a"] == ["k": false])
        #expect(value["b"] == [1, .number("2.5"), true, nil, "x"])
        #expect(value["n"] == -3)
    }

    @Test func byteWriterFlushesInChunksAndKeepsTheFirstError() throws {
        struct Full: Error {}
        var chunks = 0
        let w = ByteWriter(capacity: 64) { _ in chunks += 1; if chunks == 2 { throw Full() } }
        for _ in 0..<100 { w.write("0123456789") }
        #expect(throws: Full.self) { try w.finish() }
        #expect(chunks == 2)  // nothing handed over after the failure
        #expect(w.count == 1000)
    }
}
