/// Key handling of ``TreeBuilder``: merge keys (`<<`) and duplicate mapping keys.
extension TreeBuilder {
    /// The bytes of entry `i` when it is a scalar.
    func scalarBytes(_ i: Int32) -> ArraySlice<UInt8>? {
        let e = entries[Int(i)]
        guard e.kind == .scalar else { return nil }
        return bytes[Int(e.start)..<Int(e.start + e.count)]
    }

    /// Whether `a` and `b` are both scalars with the same bytes.
    /// - Complexity: O(scalar length).
    func sameScalar(_ a: Int32, _ b: Int32) -> Bool {
        let ea = entries[Int(a)], eb = entries[Int(b)]
        guard ea.kind == .scalar, eb.kind == .scalar, ea.count == eb.count else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            let sa = Int(ea.start), sb = Int(eb.start)
            for j in 0..<Int(ea.count) where buf[sa + j] != buf[sb + j] { return false }
            return true
        }
    }

    /// Whether `i` is a merge key: the plain scalar `<<` (go-yaml v2 `isMerge`; a quoted "<<" is a string).
    func isMergeKey(_ i: Int32) -> Bool {
        let e = entries[Int(i)]
        guard e.kind == .scalar, e.plain, e.count == 2 else { return false }
        return bytes[Int(e.start)] == UInt8(ascii: "<") && bytes[Int(e.start) + 1] == UInt8(ascii: "<")
    }

    func isNull(_ i: Int32) -> Bool {
        let e = entries[Int(i)]
        guard e.kind == .scalar, e.plain, let b = scalarBytes(i) else { return false }
        return b.isEmpty || ["~", "null", "Null", "NULL"].contains { b.elementsEqual($0.utf8) }
    }

    func hasMergeKey(_ kids: ArraySlice<Int32>) -> Bool {
        stride(from: kids.startIndex, to: kids.endIndex, by: 2).contains { isMergeKey(kids[$0]) }
    }

    /// Applies merge keys as go-yaml v2 does when decoding into a map (which is what
    /// sigs.k8s.io/yaml does before the API server sees JSON): pairs are applied in document order,
    /// each later write of a key replacing the earlier value; `<<: MAP` writes MAP's pairs at that
    /// point; `<<: [A, B, …]` writes the maps last to first, so earlier maps win over later ones.
    /// Explicit keys after `<<` therefore win over merged ones; an explicit key *before* `<<` is
    /// replaced by the merged value (go-yaml v2; YAML 1.1's merge spec and go-yaml v3 keep the
    /// explicit key), which is reported as a warning. A merge value that is not a map or a list of
    /// maps is an error ("map merge requires map or sequence of maps as the value").
    /// - Complexity: O(pairs written).
    func applyMerges(_ kids: [Int32], warning: (String, Int, Int) -> Void) -> Result<[Int32], YAMLSyntaxError> {
        var order: [Int32] = []                         // key nodes in first-write order
        var valueOf: [ArraySlice<UInt8>: Int] = [:]     // scalar key bytes → slot in order/values
        var values: [Int32] = []
        var explicit: [ArraySlice<UInt8>: Int32] = [:]  // keys written explicitly so far → key node
        func write(_ key: Int32, _ value: Int32) {
            guard let k = scalarBytes(key) else { order.append(key); values.append(value); return }
            if let slot = valueOf[k] { values[slot] = value; return }
            valueOf[k] = order.count
            order.append(key); values.append(value)
        }
        func mergeMap(_ map: Int32) {
            let e = entries[Int(map)]
            for j in stride(from: Int(e.start), to: Int(e.start + e.count), by: 2) {
                let key = children[j]
                if let k = scalarBytes(key), let explicitKey = explicit[k] {
                    let ke = entries[Int(explicitKey)]
                    warning("key '\(String(decoding: k, as: UTF8.self))' is replaced by the '<<' merge that follows it "
                            + "(Kubernetes' YAML decoder applies merges in order); move it after '<<' to keep it",
                            Int(ke.line), Int(ke.column))
                    explicit[k] = nil
                }
                write(key, children[j + 1])
            }
        }
        for i in stride(from: 0, to: kids.count, by: 2) {
            let key = kids[i], value = kids[i + 1]
            guard isMergeKey(key) else {
                if let k = scalarBytes(key) { explicit[k] = key }
                write(key, value)
                continue
            }
            let v = entries[Int(value)]
            let wantMap = YAMLSyntaxError(problem: "map merge requires map or sequence of maps as the value",
                                          line: Int(v.line), column: Int(v.column))
            switch v.kind {
            case .mapping:
                mergeMap(value)
            case .sequence:
                // Entries are appended in document order, so a value older than its key is an
                // alias: go-yaml merges an aliased map, but not an aliased list of maps.
                guard value > key else { return .failure(wantMap) }
                let elements = children[Int(v.start)..<Int(v.start + v.count)]
                guard elements.allSatisfy({ entries[Int($0)].kind == .mapping }) else { return .failure(wantMap) }
                for m in elements.reversed() { mergeMap(m) }
            case .scalar:
                // `<<: null` merges nothing (go-yaml decodes null into the map as a no-op).
                guard isNull(value) else { return .failure(wantMap) }
            }
        }
        var out: [Int32] = []
        out.reserveCapacity(order.count * 2)
        for (k, v) in zip(order, values) { out.append(k); out.append(v) }
        return .success(out)
    }

    /// Reports duplicate scalar keys among a mapping's `kids` (key, value, key, value, …).
    /// - Complexity: O(k²) byte comparisons for k ≤ 16 keys, O(k) expected above.
    func checkDuplicates(_ kids: ArraySlice<Int32>, warning: (String, Int, Int) -> Void) {
        let pairCount = kids.count / 2
        guard pairCount > 1 else { return }
        func report(_ k: Int32) {
            let e = entries[Int(k)]
            warning("duplicate mapping key '\(String(decoding: scalarBytes(k) ?? [], as: UTF8.self))'; the last value wins",
                    Int(e.line), Int(e.column))
        }
        if pairCount <= 16 {
            // No allocation here: this runs for every mapping of every document.
            for i in 1..<pairCount {
                let key = kids[kids.startIndex + 2 * i]
                let earlier = (0..<i).contains { sameScalar(kids[kids.startIndex + 2 * $0], key) }
                if earlier { report(key) }
            }
            return
        }
        var seen = Set<ArraySlice<UInt8>>()
        for i in 0..<pairCount {
            let k = kids[kids.startIndex + 2 * i]
            if let b = scalarBytes(k), !seen.insert(b).inserted { report(k) }
        }
    }
}
