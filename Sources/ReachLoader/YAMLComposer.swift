import CYAML

/// A libyaml error with its position (1-based, relative to the parsed text).
struct YAMLSyntaxError: Error {
    var problem: String
    /// libyaml's context ("while parsing a flow sequence") and the line it started on.
    var context: (text: String, line: Int)?
    var line: Int
    var column: Int
    /// A safety limit (depth, aliasing) rather than a syntax error.
    var isLimit = false

    /// The message with context lines shifted by `lineOffset` (the chunk's place in its file).
    func message(lineOffset: Int) -> String {
        guard let context else { return problem }
        return "\(problem) (\(context.text) at line \(context.line + lineOffset))"
    }
}

/// Limits that keep hostile YAML from exhausting time or memory. The values are those of the YAML
/// decoder Kubernetes uses (sigs.k8s.io/yaml → go.yaml.in/yaml/v2), so anything the API server
/// accepts still loads.
enum YAMLLimits {
    /// Deepest nesting of collections. go-yaml v2 `scannerc.go`: `const max_flow_level = 10000` and
    /// `const max_indents = 10000` ("exceeded max depth of 10000"). Beyond it libyaml's scanner,
    /// which re-checks every open level per token, turns quadratic.
    static let maxDepth = 10_000

    /// Flow nesting (`[`/`{`) up to this depth costs nothing against ``deepWorkBudget``.
    static let shallowFlowDepth = 64

    /// libyaml's scanner (unlike go-yaml's since v2.2.8, which indexes simple keys by token) checks
    /// every open flow level for a stale simple key on each token: O(tokens × flow depth). Work
    /// beyond ``shallowFlowDepth`` levels, Σ over tokens of (flow depth − 64), is capped here, about
    /// a quarter second of scanning: 10,000 nested `[` fit (that is ~5·10⁷), but 9,999 levels
    /// followed by a megabyte of scalars (10¹⁰ steps, minutes) are rejected early. Manifests and
    /// `kubectl get -o json` dumps nest 5–20 levels and never come near it.
    static let deepWorkBudget = 100_000_000

    /// go-yaml v2 `decode.go` `allowedAliasRatio`: once a document has decoded more than 1,000 nodes
    /// of which more than 100 came through aliases, the share of alias-driven nodes may be at most
    /// 99 % up to 400,000 decoded nodes, falling linearly to 10 % at 4,000,000 ("document contains
    /// excessive aliasing"). That is ~400,000 alias-driven nodes at most: a billion-laughs document
    /// fails after a few thousand nodes instead of expanding to 10⁹.
    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        let low = 400_000.0, high = 4_000_000.0, d = Double(decodeCount)
        if d <= low { return 0.99 }
        if d >= high { return 0.10 }
        return 0.99 - 0.89 * ((d - low) / (high - low))
    }

    /// Whether go-yaml would stop with "excessive aliasing" at these counts.
    static func excessiveAliasing(decodeCount: Int, aliasCount: Int) -> Bool {
        aliasCount > 100 && decodeCount > 1000
            && Double(aliasCount) / Double(decodeCount) > allowedAliasRatio(decodeCount)
    }
}

/// Composes libyaml's event stream into ``YAMLTree``s, one per document.
///
/// Anchors and aliases are resolved by sharing the anchored subtree (a DAG: never copied), with
/// go-yaml's safeguards: an alias inside its own anchor's value is an error ("anchor 'a' value
/// contains itself"), alias expansion is budgeted as go-yaml does (``YAMLLimits``), and nesting
/// deeper than ``YAMLLimits/maxDepth`` is an error. Merge keys (`<<: *base`, `<<: [*a, *b]`) are
/// applied as go-yaml v2 applies them (see `applyMerges`). Duplicate mapping keys (and keys a
/// merge replaces) are reported through `warning` (the last one wins when fields are read, as in Go's YAML decoding).
/// - Complexity: O(n) in the input length plus O(merged pairs); one arena append per event.
enum YAMLComposer {
    static func compose(_ text: Substring, warning: (String, Int, Int) -> Void) -> Result<[YAMLTree], YAMLSyntaxError> {
        if let result = text.utf8.withContiguousStorageIfAvailable({ compose($0, warning: warning) }) {
            return result
        }
        var copy = String(text)
        return copy.withUTF8 { compose($0, warning: warning) }
    }

    static func compose(_ buffer: UnsafeBufferPointer<UInt8>, warning: (String, Int, Int) -> Void) -> Result<[YAMLTree], YAMLSyntaxError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLSyntaxError(problem: "cannot initialise the YAML parser", line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var trees: [YAMLTree] = []
        // Not an optional: mutating an optional builder copied it around on every event.
        var builder = TreeBuilder(expectedBytes: 0)
        var inDocument = false
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(error(of: parser)) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(trees)
            case YAML_DOCUMENT_START_EVENT:
                builder = TreeBuilder(expectedBytes: trees.isEmpty ? buffer.count : 0)
                inDocument = true
            case YAML_DOCUMENT_END_EVENT:
                if inDocument { trees.append(builder.freeze()) }
                inDocument = false
            default:
                guard inDocument else { break }
                if let failure = builder.handle(&event, warning: warning) { return .failure(failure) }
            }
        }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { (String(cString: $0), Int(parser.context_mark.line) + 1) }
        if parser.error == YAML_READER_ERROR {
            return YAMLSyntaxError(problem: problem, line: 1, column: 1)
        }
        return YAMLSyntaxError(problem: problem, context: context, line: Int(parser.problem_mark.line) + 1,
                               column: Int(parser.problem_mark.column) + 1)
    }
}

/// Builds one document's arena from events.
struct TreeBuilder {
    var entries: [YAMLTree.Entry] = []
    var children: [Int32] = []
    var bytes: [UInt8] = []
    /// Expanded size of each entry (itself plus its subtree with aliases expanded), saturating;
    /// 0 while the entry is a container still open (an alias to it would be a cycle).
    var sizes: [Int] = []
    /// Open containers: node index, where its children start in `pending`, flow style.
    var stack: [(index: Int32, firstPending: Int, flow: Bool)] = []
    /// Open flow collections, and the scanning work charged beyond ``YAMLLimits/shallowFlowDepth``.
    var flowDepth = 0
    var deepWork = 0
    /// Children of all open containers, innermost last (one buffer: no allocation per container).
    var pending: [Int32] = []
    var anchors: [String: Int32] = [:]
    /// go-yaml's counters: nodes decoded, and those decoded through an alias.
    var decodeCount = 0
    var aliasCount = 0

    /// Reserves room for a document of about `expectedBytes` of text (at most 64 KiB worth: larger
    /// documents grow as before, and a hostile chunk of many tiny documents reserves little), so
    /// typical arrays never grow (growth was a tenth of the builder's cost). The node estimate is
    /// one per 8 bytes (a generated Pod: one per ~6.5).
    init(expectedBytes: Int) {
        guard expectedBytes > 0 else { return }  // the placeholder before a document: no allocation
        let expectedBytes = min(expectedBytes, 1 << 16)
        let nodes = expectedBytes / 8 + 8
        entries.reserveCapacity(nodes)
        sizes.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        pending.reserveCapacity(64)
        bytes.reserveCapacity(expectedBytes)
    }

    func freeze() -> YAMLTree { YAMLTree(entries: entries, children: children, bytes: bytes) }

    /// Handles one event; returns an error that ends the document.
    mutating func handle(_ event: inout yaml_event_t, warning: (String, Int, Int) -> Void) -> YAMLSyntaxError? {
        let line = Int32(clamping: event.start_mark.line + 1), column = Int32(clamping: event.start_mark.column + 1)
        if flowDepth > YAMLLimits.shallowFlowDepth {
            deepWork += flowDepth - YAMLLimits.shallowFlowDepth
            if deepWork > YAMLLimits.deepWorkBudget {
                return YAMLSyntaxError(
                    problem: "too much content nested more than \(YAMLLimits.shallowFlowDepth) flow collections deep "
                        + "(\(flowDepth) here): the YAML scanner's cost grows with depth × size", line: Int(line), column: Int(column),
                    isLimit: true)
            }
        }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let plain = (s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE) && s.plain_implicit == 1
            let value = UnsafeBufferPointer(start: s.length > 0 ? s.value : nil, count: s.value == nil ? 0 : Int(s.length))
            switch addScalar(value, plain: plain, line: line, column: column) {
            case .success(let index): register(anchor: s.anchor, index)
            case .failure(let error): return error
            }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let flow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            switch startCollection(mapping: isMapping, flow: flow, line: line, column: column) {
            case .success(let index):
                register(anchor: isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor, index)
            case .failure(let error): return error
            }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return endCollection(mapping: event.type == YAML_MAPPING_END_EVENT, warning: warning)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                // libyaml's parser does not check aliases; go-yaml rejects an unknown one.
                return YAMLSyntaxError(problem: "unknown anchor '\(name)' referenced", line: Int(line), column: Int(column))
            }
            if sizes[Int(target)] == 0 {
                return YAMLSyntaxError(problem: "anchor '\(name)' value contains itself", line: Int(line), column: Int(column), isLimit: true)
            }
            let expanded = sizes[Int(target)]
            decodeCount = min(decodeCount + expanded, Int.max / 2)
            aliasCount = min(aliasCount + expanded, Int.max / 2)
            if YAMLLimits.excessiveAliasing(decodeCount: decodeCount, aliasCount: aliasCount) {
                return YAMLSyntaxError(
                    problem: "document contains excessive aliasing (alias '\(name)' expands to \(expanded) nodes; "
                        + "\(aliasCount) of \(decodeCount) nodes come from aliases, over Kubernetes' YAML decoder limit)",
                    line: Int(line), column: Int(column), isLimit: true)
            }
            addChild(target)
        default:
            break
        }
        return nil
    }

    /// A scalar node with `value`'s bytes (the parser's decoded text), at 1-based `line`/`column`.
    /// Shared by the libyaml event path and ``BlockYAMLScanner``.
    /// - Complexity: O(value length).
    mutating func addScalar(_ value: UnsafeBufferPointer<UInt8>, plain: Bool, line: Int32, column: Int32) -> Result<Int32, YAMLSyntaxError> {
        guard bytes.count + value.count < Int(Int32.max) else {
            return .failure(YAMLSyntaxError(problem: "document too large", line: Int(line), column: Int(column)))
        }
        let start = Int32(bytes.count)
        if !value.isEmpty { bytes.append(contentsOf: value) }
        let index = append(.init(kind: .scalar, plain: plain, line: line, column: column, start: start, count: Int32(value.count)), size: 1)
        addChild(index)
        return .success(index)
    }

    /// Opens a mapping or sequence (closed by ``endCollection(mapping:warning:)``).
    /// - Complexity: O(1) amortised.
    mutating func startCollection(mapping isMapping: Bool, flow: Bool, line: Int32, column: Int32) -> Result<Int32, YAMLSyntaxError> {
        guard stack.count < YAMLLimits.maxDepth else {
            return .failure(YAMLSyntaxError(problem: "exceeded max depth of \(YAMLLimits.maxDepth) nested collections",
                                            line: Int(line), column: Int(column), isLimit: true))
        }
        if flow { flowDepth += 1 }
        let index = append(.init(kind: isMapping ? .mapping : .sequence, plain: false, line: line, column: column,
                                 start: 0, count: 0), size: 0)
        stack.append((index, pending.count, flow))
        return .success(index)
    }

    /// Closes the innermost open collection: duplicate-key warnings and merge keys for mappings.
    /// - Complexity: O(children) plus the merge and duplicate checks' cost.
    mutating func endCollection(mapping isMapping: Bool, warning: (String, Int, Int) -> Void) -> YAMLSyntaxError? {
        guard let (index, first, flow) = stack.popLast() else { return nil }
        if flow { flowDepth -= 1 }
        if isMapping {
            checkDuplicates(pending[first...], warning: warning)
        }
        var size = 1
        for k in pending[first...] { size = min(Int.max / 2, size + sizes[Int(k)]) }
        if isMapping, hasMergeKey(pending[first...]) {
            switch applyMerges(Array(pending[first...]), warning: warning) {
            case .success(let merged):
                pending.removeSubrange(first...)
                pending.append(contentsOf: merged)
                size = 1
                for k in merged { size = min(Int.max / 2, size + sizes[Int(k)]) }
            case .failure(let error): return error
            }
        }
        sizes[Int(index)] = size
        entries[Int(index)].start = Int32(children.count)
        entries[Int(index)].count = Int32(pending.count - first)
        children.append(contentsOf: pending[first...])
        pending.removeSubrange(first...)
        addChild(index)
        return nil
    }

    private mutating func append(_ entry: YAMLTree.Entry, size: Int) -> Int32 {
        entries.append(entry)
        sizes.append(size)
        decodeCount += 1
        return Int32(entries.count - 1)
    }

    private mutating func addChild(_ index: Int32) {
        if !stack.isEmpty { pending.append(index) }
    }

    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, _ index: Int32) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = index
    }
}
