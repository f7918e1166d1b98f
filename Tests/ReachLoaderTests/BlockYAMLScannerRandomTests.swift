import ReachLoader
import Testing

/// Seeded random YAML documents (nesting, indentless and indented sequences, quoting, escapes,
/// odd characters, keys that need quotes, YAML 1.1 number/bool/null spellings, comments, trailing
/// spaces, CRLF line ends, broken indentation, continuation lines, anchors, tags, flow and block
/// scalars) parsed by both paths: whenever the fast path accepts a document, libyaml must accept it
/// too and build the identical arena (and warnings). Failures print the seed and the document.
@Suite struct BlockYAMLScannerRandomTests {
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let plainValues = [
        "nginx", "true", "False", "yes", "NO", "on", "null", "Null", "~", "0", "80", "0x1F", "012", "0o17", "1_000",
        "+1", "-1", "-1.5e3", "1e2", ".inf", "-.Inf", ".NaN", "2001-12-14", "1.2.3.4", "a b  c", "a#b", "a:b",
        "-x", "?x", ":x", "http://x:80/p?q=1", "é ü 日本", "x,y", "a[0]", "{x", "<<", "=", "\\", "9223372036854775808",
    ]
    static let quotedValues = [
        "''", "\"\"", "'it''s'", "' spaced '", "'a: b # c'", "\"a: b # c\"", "\"tab\\there\"", "\"q\\\"q\"",
        "\"back\\\\slash\"", "\"slash\\/\"", "\"nl\\nx\"", "\"nul\\0x\"", "\"bell\\a\\b\\e\\f\\v\\r\"", "\"sp\\ x\"",
        "\"\\x41\"", "\"\\u00e9\"", "\"\\U0001F600\"", "\"\\N\\_\\L\\P\"", "\"bad\\q\"", "\"é\"", "'日本'", "\"'\"", "'\"'",
    ]
    static let odd = [
        "&a x", "*a", "!!str 1", "!t x", "|\n  block", ">-\n  folded", "{a: b}", "[a, b]", "{}", "[]", "@x", "`x",
        "%x", "a\tb", "x # c", "'open", "\"open", "a: b", "- x", "? x", ": x", ",x", "]x", "#", "x\u{85}y", "\u{FEFF}x",
    ]
    static let flows = [
        "{name: pg, containerPort: 5432, protocol: TCP}", "[\"get\", \"list\"]", "{a: [1, 2], b: {c: d}}", "[ a , b ]",
        "{a: b,}", "[a,,b]", "{a:b}", "{\"a\":b}", "{\"a\": b}", "[a: b]", "{a: }", "[-, a]", "[-x, y]", "[?y]",
        "{url: http://x:80/p}", "[a #c]", "[a, 'b''c', \"d\\\"e\"]", "{k: v} x", "[{a: 1}, {b: 2}]", "{ }", "[ ]",
        "{a: [b, {c: [d]}]}", "[a:b]", "[a:,b]", "[a: ]", "{a: b, a: c}", "{<<: {x: 1}, y: 2}", "[true, ~, 0x1F, '', \"\"]",
        "{a b: c d}", "[é, 日本]", "{a: b", "[a, [b, [c]]]", "{a: b}: c", "[a]#c", "[a] #c",
    ]
    static let keys = [
        "name", "kind", "apiVersion", "a b", "x-y.z/w", "ключ", "1", "true", "null", "'quoted key'", "\"dq key\"",
        "\"a: b\"", "'#x'", "\"- x\"", "<<", "k", "k", "? k", "&a k", "!t k", "'multi\n  line'",
    ]

    static func scalar(_ rng: inout RNG) -> String {
        if rng.chance(6) { return rng.pick(odd) }
        if rng.chance(15) { return rng.pick(flows) }
        return rng.chance(30) ? rng.pick(quotedValues) : rng.pick(plainValues)
    }

    /// A block node for a value of a key at `indent` (or a top-level node when `indent < 0`).
    static func block(_ rng: inout RNG, indent: Int, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: max(indent, 0) + rng.pick([2, 2, 2, 4, 1]))
        let items = 1 + rng.below(4)
        if depth > 3 || rng.chance(55) {
            for _ in 0..<items { mappingEntry(&rng, pad: pad, depth: depth, into: &lines) }
        } else {
            let indentless = indent >= 0 && rng.chance(50)
            let seqPad = indentless ? String(repeating: " ", count: indent) : pad
            for _ in 0..<items {
                let gap = String(repeating: " ", count: rng.pick([1, 1, 1, 3]))
                switch rng.below(10) {
                case 0..<4:
                    lines.append(seqPad + "-" + gap + scalar(&rng))
                case 4..<9:
                    var sub: [String] = []
                    let subPad = seqPad + String(repeating: " ", count: 1 + gap.count)
                    for _ in 0..<(1 + rng.below(3)) { mappingEntry(&rng, pad: subPad, depth: depth + 1, into: &sub) }
                    sub[0] = seqPad + "-" + gap + sub[0].dropFirst(subPad.count)
                    lines += sub
                default:
                    lines.append(seqPad + rng.pick(["-", "- - x", "-\t x"]))
                }
            }
        }
    }

    static func mappingEntry(_ rng: inout RNG, pad: String, depth: Int, into lines: inout [String]) {
        let key = rng.pick(keys) + (rng.chance(5) ? " " : "")
        if rng.chance(30) && depth < 4 {
            lines.append(pad + key + ":" + (rng.chance(10) ? " # c" : ""))
            block(&rng, indent: pad.count, depth: depth + 1, into: &lines)
        } else if rng.chance(8) {
            lines.append(pad + key + ":")
        } else {
            lines.append(pad + key + ": " + scalar(&rng) + (rng.chance(10) ? "  # trailing" : ""))
        }
        if rng.chance(5) { lines.append(pad + "  continued") }
        if rng.chance(5) { lines.append(String(repeating: " ", count: rng.below(6)) + "# comment") }
        if rng.chance(4) { lines.append("") }
    }

    static func document(seed: UInt64) -> String {
        var rng = RNG(state: seed)
        var lines: [String] = rng.chance(30) ? ["---"] : []
        block(&rng, indent: -2 - rng.below(2), depth: 0, into: &lines)
        if rng.chance(10) { lines.insert("# leading comment", at: 0) }
        let end = rng.chance(15) ? "\r\n" : "\n"
        return lines.map { $0 + (rng.chance(10) ? "  " : "") }.joined(separator: end) + (rng.chance(80) ? end : "")
    }

    @Test func randomDocumentsParseIdenticallyOrBail() {
        var fast = 0, bailed = 0, mismatches = 0
        for seed in UInt64(1)...4000 {
            let text = Self.document(seed: seed)
            for chunk in YAMLPathComparison.documents(text) {
                guard let mine = YAMLPathComparison.fastPath(chunk) else { bailed += 1; continue }
                fast += 1
                let reference = YAMLPathComparison.libyaml(chunk)
                if reference != mine, mismatches < 5 {
                    mismatches += 1
                    Issue.record("seed \(seed): fast path differs from libyaml on\n\(text.debugDescription)\nlibyaml: \(reference.map { "\($0)" } ?? "error")\nfast: \(mine)")
                }
            }
        }
        print("BlockYAMLScanner random documents: \(fast) on the fast path, \(bailed) given to libyaml")
        #expect(fast > 500 && bailed > 500, "the generator should exercise both outcomes (\(fast) fast, \(bailed) bailed)")
    }
}
