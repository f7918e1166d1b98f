/// A Calico selector expression (projectcalico/calico `libcalico-go/lib/selector`: the tokenizer
/// in `tokenizer/tokenizer.go`, the grammar in `parser/parser.go`): `k == "v"`, `k != "v"`,
/// `k in {…}`, `k not in {…}`, `k contains/starts with/ends with "v"`, `has(k)`, `all()`,
/// `global()`, `!`, `&&`, `||` and parentheses. The empty selector is `all()`.
public indirect enum CalicoSelector: Hashable, Sendable {
    case all
    /// `global()`: matches every endpoint here (it only tells namespaced from global scope upstream).
    case global
    case has(String)
    case equals(String, String)
    /// Matches when the label is absent too (upstream `LabelNeOperator`).
    case notEquals(String, String)
    case isIn(String, Set<String>)
    /// Matches when the label is absent too.
    case notIn(String, Set<String>)
    case contains(String, String)
    case startsWith(String, String)
    case endsWith(String, String)
    case not(CalicoSelector)
    case and(CalicoSelector, CalicoSelector)
    case or(CalicoSelector, CalicoSelector)

    /// Upstream `MaxLabelLength` (tokenizer.go).
    public static let maxLabelLength = 512
    /// Longest expression accepted (hostile-input bound; upstream has none).
    public static let maxLength = 16_384
    /// Deepest nesting of `(` and `!` accepted (hostile-input bound; upstream has none).
    public static let maxDepth = 64

    /// A parse failure: the message and the byte offset in the expression where it was found.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    /// Parses `text` as upstream `parser.Parse` does.
    /// - Complexity: O(length); recursion bounded by ``maxDepth``.
    public static func parse(_ text: String) throws(ParseError) -> CalicoSelector {
        guard text.utf8.count <= maxLength else {
            throw ParseError(message: "selector longer than \(maxLength) bytes", offset: maxLength)
        }
        var p = CalicoSelectorParser(tokens: try CalicoSelectorTokenizer.tokenize(Array(text.utf8)))
        if p.atEnd { return .all }
        let sel = try p.parseOr(depth: 0)
        guard p.atEnd else { throw ParseError(message: "unexpected \(p.describeCurrent())", offset: p.currentOffset) }
        return sel
    }

    /// Every label key the expression reads.
    public var keys: Set<String> {
        switch self {
        case .all, .global: []
        case .has(let k), .equals(let k, _), .notEquals(let k, _), .isIn(let k, _), .notIn(let k, _),
             .contains(let k, _), .startsWith(let k, _), .endsWith(let k, _): [k]
        case .not(let s): s.keys
        case .and(let a, let b), .or(let a, let b): a.keys.union(b.keys)
        }
    }

    /// Upstream `Evaluate` on a label map.
    /// - Complexity: O(expression size).
    public func matches(_ labels: [String: String]) -> Bool {
        switch self {
        case .all, .global: true
        case .has(let k): labels[k] != nil
        case .equals(let k, let v): labels[k] == v
        case .notEquals(let k, let v): labels[k] != v
        case .isIn(let k, let set): labels[k].map(set.contains) ?? false
        case .notIn(let k, let set): !(labels[k].map(set.contains) ?? false)
        case .contains(let k, let v): labels[k].map { $0.contains(v) } ?? false
        case .startsWith(let k, let v): labels[k]?.hasPrefix(v) ?? false
        case .endsWith(let k, let v): labels[k]?.hasSuffix(v) ?? false
        case .not(let s): !s.matches(labels)
        case .and(let a, let b): a.matches(labels) && b.matches(labels)
        case .or(let a, let b): a.matches(labels) || b.matches(labels)
        }
    }
}

/// One token of a selector (upstream `tokenizer.Kind`), with its byte offset.
struct CalicoSelectorToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case label(String), string(String), has(String), all, global
        case lParen, rParen, lBrace, rBrace, comma
        case eq, ne, inSet, notInSet, contains, startsWith, endsWith, not, and, or
    }
    var kind: Kind
    var offset: Int
}

/// Upstream `tokenizer.AppendTokens`, byte by byte.
enum CalicoSelectorTokenizer {
    static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c == 46 || c == 47 || c == 45
    }

    /// - Complexity: O(length).
    static func tokenize(_ s: [UInt8]) throws(CalicoSelector.ParseError) -> [CalicoSelectorToken] {
        var out: [CalicoSelectorToken] = []
        var i = 0
        func skipSpace() { while i < s.count, s[i] == 32 || s[i] == 9 { i += 1 } }
        func has(_ word: String, at j: Int) -> Bool {
            let w = Array(word.utf8)
            return j + w.count <= s.count && Array(s[j..<j + w.count]) == w
        }
        /// `words` separated by blanks and followed by a word boundary; returns the end offset.
        func keyword(_ words: [String]) -> Int? {
            var j = i
            for (n, w) in words.enumerated() {
                guard has(w, at: j) else { return nil }
                j += w.utf8.count
                if n < words.count - 1 { while j < s.count, s[j] == 32 || s[j] == 9 { j += 1 } }
            }
            return j < s.count && isIdentifier(s[j]) ? nil : j
        }
        func identifier() throws(CalicoSelector.ParseError) -> String {
            let start = i
            while i < s.count, isIdentifier(s[i]) { i += 1 }
            guard i > start else { throw .init(message: "expected identifier", offset: start) }
            guard i - start <= CalicoSelector.maxLabelLength else { throw .init(message: "label too long", offset: start) }
            return String(decoding: s[start..<i], as: UTF8.self)
        }
        func call(_ name: String) throws(CalicoSelector.ParseError) -> String? {
            guard has(name + "(", at: i) else { return nil }
            i += name.utf8.count + 1
            skipSpace()
            let ident = name == "has" ? try identifier() : ""
            skipSpace()
            guard i < s.count, s[i] == 41 else { throw .init(message: "no closing ')' after \(name)(", offset: i) }
            i += 1
            return ident
        }
        while true {
            skipSpace()
            guard i < s.count else { return out }
            let start = i, c = s[i]
            let last = out.last?.kind
            var kind: CalicoSelectorToken.Kind
            switch c {
            case 40: kind = .lParen; i += 1
            case 41: kind = .rParen; i += 1
            case 123: kind = .lBrace; i += 1
            case 125: kind = .rBrace; i += 1
            case 44: kind = .comma; i += 1
            case 34, 39:
                guard let end = s[(i + 1)...].firstIndex(of: c) else { throw .init(message: "unterminated string", offset: i) }
                kind = .string(String(decoding: s[(i + 1)..<end], as: UTF8.self))
                i = end + 1
            case 61:
                guard has("==", at: i) else { throw .init(message: "expected ==", offset: i) }
                kind = .eq; i += 2
            case 33:
                if has("!=", at: i) { kind = .ne; i += 2 } else { kind = .not; i += 1 }
            case 38:
                guard has("&&", at: i) else { throw .init(message: "expected &&", offset: i) }
                kind = .and; i += 2
            case 124:
                guard has("||", at: i) else { throw .init(message: "expected ||", offset: i) }
                kind = .or; i += 2
            default:
                if case .label(let l) = last {
                    let ops: [([String], CalicoSelectorToken.Kind)] = [
                        (["contains"], .contains), (["starts", "with"], .startsWith), (["ends", "with"], .endsWith),
                        (["not", "in"], .notInSet), (["in"], .inSet)]
                    guard let hit = ops.lazy.compactMap({ op in keyword(op.0).map { ($0, op.1) } }).first else {
                        throw .init(message: "expected operator after label \"\(l)\"", offset: i)
                    }
                    i = hit.0
                    kind = hit.1
                } else if let k = try call("has") {
                    kind = .has(k)
                } else if try call("all") != nil {
                    kind = .all
                } else if try call("global") != nil {
                    kind = .global
                } else if isIdentifier(c) {
                    kind = .label(try identifier())
                } else {
                    throw .init(message: "unexpected character", offset: i)
                }
            }
            out.append(CalicoSelectorToken(kind: kind, offset: start))
        }
    }
}
