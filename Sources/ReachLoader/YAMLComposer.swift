import CYAML

/// A libyaml error with its position (1-based, relative to the parsed text).
struct YAMLSyntaxError: Error {
    var problem: String
    /// libyaml's context ("while parsing a flow sequence") and the line it started on.
    var context: (text: String, line: Int)?
    var line: Int
    var column: Int

    /// The message with context lines shifted by `lineOffset` (the chunk's place in its file).
    func message(lineOffset: Int) -> String {
        guard let context else { return problem }
        return "\(problem) (\(context.text) at line \(context.line + lineOffset))"
    }
}

/// Composes libyaml's event stream into ``YAMLTree``s, one per document.
///
/// Anchors and aliases are resolved by sharing the anchored subtree; merge keys (`<<`) are kept as
/// literal keys. Duplicate mapping keys are reported through `duplicateKey` (the last one wins when
/// fields are read, as in Go's YAML decoding).
/// - Complexity: O(n) in the input length; one arena append per event.
enum YAMLComposer {
    static func compose(_ text: Substring, duplicateKey: (String, Int, Int) -> Void) -> Result<[YAMLTree], YAMLSyntaxError> {
        if let result = text.utf8.withContiguousStorageIfAvailable({ compose($0, duplicateKey: duplicateKey) }) {
            return result
        }
        var copy = String(text)
        return copy.withUTF8 { compose($0, duplicateKey: duplicateKey) }
    }

    static func compose(_ buffer: UnsafeBufferPointer<UInt8>, duplicateKey: (String, Int, Int) -> Void) -> Result<[YAMLTree], YAMLSyntaxError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLSyntaxError(problem: "cannot initialise the YAML parser", line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var trees: [YAMLTree] = []
        var builder: TreeBuilder? = nil
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(error(of: parser)) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(trees)
            case YAML_DOCUMENT_START_EVENT:
                builder = TreeBuilder()
            case YAML_DOCUMENT_END_EVENT:
                if let b = builder { trees.append(b.freeze()) }
                builder = nil
            default:
                builder?.handle(&event, duplicateKey: duplicateKey)
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
private struct TreeBuilder {
    var entries: [YAMLTree.Entry] = []
    var children: [Int32] = []
    var bytes: [UInt8] = []
    /// Open containers: node index and where its children start in `pending`.
    var stack: [(index: Int32, firstPending: Int)] = []
    /// Children of all open containers, innermost last (one buffer: no allocation per container).
    var pending: [Int32] = []
    var anchors: [String: Int32] = [:]

    func freeze() -> YAMLTree { YAMLTree(entries: entries, children: children, bytes: bytes) }

    mutating func handle(_ event: inout yaml_event_t, duplicateKey: (String, Int, Int) -> Void) {
        let line = Int32(event.start_mark.line + 1), column = Int32(event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let start = Int32(bytes.count)
            if let value = s.value, s.length > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(s.length)))
            }
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE
            let index = append(.init(kind: .scalar, plain: plain && s.plain_implicit == 1, line: line, column: column,
                                     start: start, count: Int32(s.length)))
            register(anchor: s.anchor, index)
            addChild(index)
        case YAML_SEQUENCE_START_EVENT:
            let index = append(.init(kind: .sequence, plain: false, line: line, column: column, start: 0, count: 0))
            register(anchor: event.data.sequence_start.anchor, index)
            stack.append((index, pending.count))
        case YAML_MAPPING_START_EVENT:
            let index = append(.init(kind: .mapping, plain: false, line: line, column: column, start: 0, count: 0))
            register(anchor: event.data.mapping_start.anchor, index)
            stack.append((index, pending.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let (index, first) = stack.popLast() else { return }
            let start = children.count
            entries[Int(index)].start = Int32(start)
            entries[Int(index)].count = Int32(pending.count - first)
            children.append(contentsOf: pending[first...])
            pending.removeSubrange(first...)
            if event.type == YAML_MAPPING_END_EVENT {
                checkDuplicates(children[start...], duplicateKey: duplicateKey)
            }
            addChild(index)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            if let target = anchors[name] {
                addChild(target)
            } else {
                // libyaml's parser does not check aliases; an undefined one reads as null.
                addChild(append(.init(kind: .scalar, plain: true, line: line, column: column,
                                      start: Int32(bytes.count), count: 0)))
            }
        default:
            break
        }
    }

    private mutating func append(_ entry: YAMLTree.Entry) -> Int32 {
        entries.append(entry)
        return Int32(entries.count - 1)
    }

    private mutating func addChild(_ index: Int32) {
        if !stack.isEmpty { pending.append(index) }
    }

    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, _ index: Int32) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = index
    }

    private func scalarBytes(_ i: Int32) -> ArraySlice<UInt8>? {
        let e = entries[Int(i)]
        guard e.kind == .scalar else { return nil }
        return bytes[Int(e.start)..<Int(e.start + e.count)]
    }

    /// Reports duplicate scalar keys among a mapping's `kids` (key, value, key, value, …).
    /// - Complexity: O(k²) byte comparisons for k ≤ 16 keys, O(k) expected above.
    private func checkDuplicates(_ kids: ArraySlice<Int32>, duplicateKey: (String, Int, Int) -> Void) {
        guard kids.count > 2 else { return }
        let keys = stride(from: kids.startIndex, to: kids.endIndex, by: 2).map { kids[$0] }
        guard keys.count > 1 else { return }
        func report(_ k: Int32) {
            let e = entries[Int(k)]
            duplicateKey(String(decoding: scalarBytes(k) ?? [], as: UTF8.self), Int(e.line), Int(e.column))
        }
        if keys.count <= 16 {
            for i in 1..<keys.count {
                guard let bi = scalarBytes(keys[i]) else { continue }
                if (0..<i).contains(where: { scalarBytes(keys[$0]).map { $0.elementsEqual(bi) } ?? false }) { report(keys[i]) }
            }
            return
        }
        var seen = Set<ArraySlice<UInt8>>()
        for k in keys { if let b = scalarBytes(k), !seen.insert(b).inserted { report(k) } }
    }
}
