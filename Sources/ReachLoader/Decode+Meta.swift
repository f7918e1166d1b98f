import ReachModel

/// Decoders turn one document root (already known to be a mapping of a modelled kind) into a
/// typed object, recording located diagnostics. They return `nil` only when a required field is
/// missing; the caller drops objects whose decoding recorded errors.
struct ObjectDecoder {
    let namespaceDefault: String

    /// - Complexity: O(size of metadata).
    /// `kindName` names a kind outside ``ReachModel/ObjectKind`` (the admin policy kinds, decoded
    /// with the name rules of `kind`).
    func meta(_ root: Field, kind: ObjectKind, kindName: String? = nil) -> ObjectMeta? {
        guard let m = root["metadata"] else {
            root.ctx.error(DiagnosticID.missingField, root.node, "metadata", "required field is missing")
            return nil
        }
        var name = m["name"]?.string() ?? ""
        if name.isEmpty, let generated = m["generateName"]?.string(), !generated.isEmpty {
            root.ctx.warning(DiagnosticID.missingField, m.node, "metadata.name",
                             "no name; using generateName '\(generated)' as the name")
            name = generated
        }
        if name.isEmpty {
            root.ctx.error(DiagnosticID.missingField, m.node, "metadata.name", "required field is missing")
            return nil
        }
        var namespace = m["namespace"]?.string()
        var defaulted = false
        if kind.isNamespaced {
            if namespace == nil || namespace == "" {
                namespace = namespaceDefault
                defaulted = true
            }
        } else if namespace != nil, namespace != "" {
            root.ctx.warning(DiagnosticID.invalidValue, m["namespace"]?.node, "metadata.namespace",
                             "\(kindName ?? kind.rawValue) is cluster-scoped; namespace ignored")
            namespace = nil
        } else {
            namespace = nil
        }
        let labels = m["labels"]?.stringMap() ?? [:]
        // A generateName is a prefix (`web-`): the API server appends a suffix before validating.
        validateNames(m, name: m["name"] == nil ? name + "x" : name, namespace: defaulted ? nil : namespace,
                      labels: labels, kind: kind)
        return ObjectMeta(
            name: name, namespace: namespace,
            labels: labels,
            annotations: m["annotations"]?.stringMap() ?? [:],
            location: root.location, namespaceDefaulted: defaulted)
    }

    /// Decodes a `metav1.LabelSelector`.
    func selector(_ f: Field) -> LabelSelector {
        var sel = LabelSelector(matchLabels: f["matchLabels"]?.stringMap() ?? [:])
        for e in f["matchExpressions"]?.list() ?? [] {
            guard let key = e["key"]?.string() else {
                e.ctx.error(DiagnosticID.missingField, e.node, "\(e.path).key", "required field is missing")
                continue
            }
            let opText = e["operator"]?.string() ?? ""
            guard let op = LabelSelector.Operator(rawValue: opText) else {
                e.ctx.error(DiagnosticID.invalidValue, e["operator"]?.node ?? e.node, "\(e.path).operator",
                            "not a valid selector operator: '\(opText)' (In, NotIn, Exists, DoesNotExist)")
                continue
            }
            let values = e["values"]?.stringList() ?? []
            switch op {
            case .in, .notIn:
                if values.isEmpty {
                    e.ctx.warning(DiagnosticID.invalidValue, e.node, "\(e.path).values",
                                  "\(op.rawValue) with no values (In matches nothing, NotIn everything)")
                }
            case .exists, .doesNotExist:
                if !values.isEmpty {
                    e.ctx.error(DiagnosticID.invalidValue, e.node, "\(e.path).values",
                                "must be empty when operator is \(op.rawValue)")
                }
            }
            sel.matchExpressions.append(.init(key: key, op: op, values: values))
        }
        return sel
    }

    /// Reads a required non-empty string, recording an error when missing.
    func required(_ f: Field, _ key: StaticString) -> String? {
        if let v = f[key]?.string(), !v.isEmpty { return v }
        f.ctx.error(DiagnosticID.missingField, f[key]?.node ?? f.node, f.path.isEmpty ? "\(key)" : "\(f.path).\(key)",
                    "required field is missing")
        return nil
    }

    /// Reads a protocol (`TCP`, `UDP`, `SCTP`); unknown values are errors.
    func networkProtocol(_ f: Field) -> NetworkProtocol? {
        guard let text = f.string() else { return nil }
        guard let p = NetworkProtocol(rawValue: text) else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "unsupported protocol '\(text)' (TCP, UDP, SCTP)")
            return nil
        }
        return p
    }

    /// Reads a port number in 1…65535.
    func portNumber(_ f: Field) -> Int? {
        guard let n = f.int() else { return nil }
        guard (1...65535).contains(n) else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "port \(n) out of range 1-65535")
            return nil
        }
        return n
    }
}
