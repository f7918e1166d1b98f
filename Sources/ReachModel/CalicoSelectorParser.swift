/// Recursive descent over the tokens, as upstream `parser.go` (`parseOrExpression` →
/// `parseAndExpression` → `parseOperation`): `||` binds loosest, then `&&`, then prefix `!`.
struct CalicoSelectorParser {
    typealias Err = CalicoSelector.ParseError
    let tokens: [CalicoSelectorToken]
    var i = 0

    init(tokens: [CalicoSelectorToken]) { self.tokens = tokens }

    var atEnd: Bool { i >= tokens.count }
    var currentOffset: Int { atEnd ? (tokens.last.map { $0.offset + 1 } ?? 0) : tokens[i].offset }

    func describeCurrent() -> String { atEnd ? "end of selector" : "token \(tokens[i].kind)" }

    /// - Complexity: O(tokens); depth bounded by ``CalicoSelector/maxDepth``.
    mutating func parseOr(depth: Int) throws(Err) -> CalicoSelector {
        var sel = try parseAnd(depth: depth)
        while !atEnd, tokens[i].kind == .or {
            i += 1
            sel = .or(sel, try parseAnd(depth: depth))
        }
        return sel
    }

    mutating func parseAnd(depth: Int) throws(Err) -> CalicoSelector {
        var sel = try parseOperation(depth: depth)
        while !atEnd, tokens[i].kind == .and {
            i += 1
            sel = .and(sel, try parseOperation(depth: depth))
        }
        return sel
    }

    mutating func parseOperation(depth: Int) throws(Err) -> CalicoSelector {
        guard depth < CalicoSelector.maxDepth else { throw Err(message: "selector nested deeper than \(CalicoSelector.maxDepth)", offset: currentOffset) }
        guard !atEnd else { throw Err(message: "unexpected end of selector", offset: currentOffset) }
        let tok = tokens[i]
        i += 1
        switch tok.kind {
        case .not: return .not(try parseOperation(depth: depth + 1))
        case .has(let k): return .has(k)
        case .all: return .all
        case .global: return .global
        case .lParen:
            let inner = try parseOr(depth: depth + 1)
            guard !atEnd, tokens[i].kind == .rParen else { throw Err(message: "expected )", offset: currentOffset) }
            i += 1
            return inner
        case .label(let key): return try parseComparison(key)
        default: throw Err(message: "unexpected token \(tok.kind)", offset: tok.offset)
        }
    }

    mutating func parseComparison(_ key: String) throws(Err) -> CalicoSelector {
        guard !atEnd else { throw Err(message: "expected operator after label \"\(key)\"", offset: currentOffset) }
        let op = tokens[i]
        i += 1
        switch op.kind {
        case .inSet, .notInSet:
            let set = try parseSet()
            return op.kind == .inSet ? .isIn(key, set) : .notIn(key, set)
        case .eq, .ne, .contains, .startsWith, .endsWith:
            guard !atEnd, case .string(let v) = tokens[i].kind else {
                throw Err(message: "expected string literal", offset: currentOffset)
            }
            i += 1
            switch op.kind {
            case .eq: return .equals(key, v)
            case .ne: return .notEquals(key, v)
            case .contains: return .contains(key, v)
            case .startsWith: return .startsWith(key, v)
            default: return .endsWith(key, v)
            }
        default: throw Err(message: "expected operator after label \"\(key)\"", offset: op.offset)
        }
    }

    /// `{ "a", 'b' }` (upstream also accepts `{}`).
    mutating func parseSet() throws(Err) -> Set<String> {
        guard !atEnd, tokens[i].kind == .lBrace else { throw Err(message: "expected set literal", offset: currentOffset) }
        i += 1
        var set: Set<String> = []
        if !atEnd, tokens[i].kind == .rBrace { i += 1; return set }
        while true {
            guard !atEnd, case .string(let v) = tokens[i].kind else { throw Err(message: "expected string literal in set", offset: currentOffset) }
            set.insert(v)
            i += 1
            guard !atEnd else { throw Err(message: "unterminated set literal", offset: currentOffset) }
            if tokens[i].kind == .rBrace { i += 1; return set }
            guard tokens[i].kind == .comma else { throw Err(message: "expected , or }", offset: currentOffset) }
            i += 1
        }
    }
}
