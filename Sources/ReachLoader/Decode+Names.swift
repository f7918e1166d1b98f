import ReachModel

/// Name and label syntax as the API server validates it (k8s.io/apimachinery
/// `pkg/util/validation` and `pkg/api/validation/path`). A violation is a warning
/// (``DiagnosticID/invalidName``): the object is still loaded and shown, since kube-reach reads
/// what it is given, but the reader learns the API server would have refused it. RBAC subject
/// names are deliberately not checked: the API server does not validate them either.
enum NameRules {
    enum Rule {
        /// DNS-1123 subdomain: ≤ 253, `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`.
        case subdomain
        /// DNS-1123 label: ≤ 63, `[a-z0-9]([-a-z0-9]*[a-z0-9])?` (Namespace names).
        case label
        /// DNS-1035 label: ≤ 63, `[a-z]([-a-z0-9]*[a-z0-9])?` (Service names).
        case label1035
        /// Path segment (RBAC names, e.g. `system:controller:x`): not `.`/`..`, no `/` or `%`.
        case pathSegment
    }

    /// The rule the API server applies to `kind`'s `metadata.name`.
    static func rule(for kind: ObjectKind) -> Rule {
        switch kind {
        case .namespace: .label
        case .service: .label1035
        case .role, .clusterRole, .roleBinding, .clusterRoleBinding: .pathSegment
        default: .subdomain
        }
    }

    /// Why `name` breaks `rule`, or `nil` when valid.
    /// - Complexity: O(name length).
    static func problem(_ name: String, _ rule: Rule) -> String? {
        let u = name.utf8
        switch rule {
        case .pathSegment:
            if name == "." || name == ".." { return "may not be '\(name)'" }
            if u.contains(UInt8(ascii: "/")) || u.contains(UInt8(ascii: "%")) { return "may not contain '/' or '%'" }
            return nil
        case .subdomain:
            if u.count > 253 { return "must be no more than 253 characters (DNS-1123 subdomain)" }
            return isSubdomain(Substring(name).utf8) ? nil
                : "must be a lowercase DNS-1123 subdomain (a-z, 0-9, '-' and '.', starting and ending alphanumeric)"
        case .label:
            if u.count > 63 { return "must be no more than 63 characters (DNS-1123 label)" }
            return isLabel(Substring(name).utf8, firstLetter: false) ? nil
                : "must be a lowercase DNS-1123 label (a-z, 0-9 and '-', starting and ending alphanumeric)"
        case .label1035:
            if u.count > 63 { return "must be no more than 63 characters (DNS-1035 label)" }
            return isLabel(Substring(name).utf8, firstLetter: true) ? nil
                : "must be a lowercase DNS-1035 label (a-z, 0-9 and '-', starting with a letter, ending alphanumeric)"
        }
    }

    /// Why a label key (`[prefix/]name`) is invalid (IsQualifiedName), or `nil`.
    static func labelKeyProblem(_ key: String) -> String? {
        var name = Substring(key)
        // The first '/' Character (not byte: a '/' carrying a combining mark is no separator);
        // without a '/' byte there is none, which spares the Character walk for most keys.
        if key.utf8.contains(UInt8(ascii: "/")), let slash = key.firstIndex(of: "/") {
            let prefix = String(key[..<slash])
            if prefix.isEmpty { return "prefix part must be non-empty" }
            if let p = problem(prefix, .subdomain) { return "prefix part \(p)" }
            name = key[key.index(after: slash)...]
        }
        if name.isEmpty { return "name part must be non-empty" }
        if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
        return isQualifiedNamePart(name.utf8) ? nil
            : "name part must be alphanumeric, '-', '_' or '.', starting and ending alphanumeric"
    }

    /// Why a label value is invalid (IsValidLabelValue), or `nil`.
    static func labelValueProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "must be no more than 63 characters" }
        return isQualifiedNamePart(Substring(value).utf8) ? nil
            : "must be empty or alphanumeric, '-', '_' or '.', starting and ending alphanumeric"
    }

    private static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isAlnum(_ c: UInt8) -> Bool { isLower(c) || isDigit(c) || (c >= 0x41 && c <= 0x5A) }

    private static func isLabel(_ u: Substring.UTF8View, firstLetter: Bool) -> Bool {
        guard let first = u.first, let last = u.last else { return false }
        guard firstLetter ? isLower(first) : (isLower(first) || isDigit(first)), isLower(last) || isDigit(last) else { return false }
        return u.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// Dot-separated DNS-1123 labels (an empty part, as in `a..b` or `a.`, fails). No allocation.
    /// - Complexity: O(length).
    private static func isSubdomain(_ u: Substring.UTF8View) -> Bool {
        var partStart = u.startIndex
        while true {
            let dot = u[partStart...].firstIndex(of: UInt8(ascii: ".")) ?? u.endIndex
            guard isLabel(u[partStart..<dot], firstLetter: false) else { return false }
            guard dot < u.endIndex else { return true }
            partStart = u.index(after: dot)
        }
    }

    private static func isQualifiedNamePart(_ u: Substring.UTF8View) -> Bool {
        guard let first = u.first, let last = u.last, isAlnum(first), isAlnum(last) else { return false }
        return u.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `text` cut to 64 characters for messages (a 1 MB name must not make a 1 MB diagnostic).
    static func shown(_ text: String) -> String {
        let count = text.utf8.count
        guard count > 64 else { return text }
        return String(text.prefix(64)) + "… (\(count) bytes)"
    }
}

extension ObjectDecoder {
    /// Warns (``DiagnosticID/invalidName``) about a name, namespace or labels the API server would
    /// reject.
    /// - Complexity: O(total length of the checked strings).
    func validateNames(_ m: Field, name: String, namespace: String?, labels: [String: String], kind: ObjectKind) {
        let ctx = m.ctx
        if let p = NameRules.problem(name, NameRules.rule(for: kind)) {
            ctx.warning(DiagnosticID.invalidName, m["name"]?.node ?? m.node, "metadata.name", "'\(NameRules.shown(name))' \(p)")
        }
        if let namespace, let p = NameRules.problem(namespace, .label) {
            ctx.warning(DiagnosticID.invalidName, m["namespace"]?.node ?? m.node, "metadata.namespace",
                        "'\(NameRules.shown(namespace))' \(p)")
        }
        // Sorted only when something is reported (the common valid case skips the sort).
        guard labels.contains(where: { NameRules.labelKeyProblem($0.key) != nil || NameRules.labelValueProblem($0.value) != nil })
        else { return }
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            if let p = NameRules.labelKeyProblem(key) {
                ctx.warning(DiagnosticID.invalidName, m["labels"]?.node ?? m.node, "metadata.labels",
                            "label key '\(NameRules.shown(key))': \(p)")
            }
            if let p = NameRules.labelValueProblem(value) {
                ctx.warning(DiagnosticID.invalidName, m["labels"]?.node ?? m.node, "metadata.labels.\(NameRules.shown(key))",
                            "label value '\(NameRules.shown(value))' \(p)")
            }
        }
    }
}
