import Foundation
import ReachCore
import ReachModel

/// Reads an AKS ManagedCluster document (`az aks show -o json` or the ARM REST body) into an
/// ``AKSCluster``. The JSON goes through the same libyaml parser as manifests (JSON is YAML), so
/// every setting keeps its line and column. Never throws: problems are located diagnostics.
public enum AKSClusterReader {
    /// Reads the file at `path` (`-` = `stdin`).
    /// - Complexity: O(file size).
    public static func load(path: String, maxFileBytes: Int = 64 << 20, stdin: (() -> Data)? = nil)
        -> (cluster: AKSCluster?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let data: Data?
        if path == "-" {
            data = stdin.map { InputFiles.capped($0(), name: "<stdin>", limit: maxFileBytes, diagnostics: &diagnostics) }
                ?? InputFiles.readStandardInput(limit: maxFileBytes, diagnostics: &diagnostics)
        } else {
            data = InputFiles.read(path, limit: maxFileBytes, diagnostics: &diagnostics)
        }
        guard let data else { return (nil, diagnostics) }
        guard let text = InputFiles.decodeText(data) else {
            diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .error,
                                          location: SourceLocation(file: path, document: 0, line: 0, column: 0),
                                          message: "not valid UTF-8 or UTF-16 text"))
            return (nil, diagnostics)
        }
        let result = read(text: text, name: path == "-" ? "<stdin>" : path)
        return (result.cluster, diagnostics + result.diagnostics)
    }

    /// Reads in-memory text named `name` in locations.
    /// - Complexity: O(text length).
    public static func read(text: String, name: String) -> (cluster: AKSCluster?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        func here(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: name, document: 1, line: line, column: column)
        }
        let composed = YAMLComposer.compose(body) { message, line, column in
            diagnostics.append(Diagnostic(id: DiagnosticID.syntax, severity: .warning, location: here(line, column),
                                          message: message))
        }
        switch composed {
        case .failure(let error):
            diagnostics.append(Diagnostic(id: error.isLimit ? DiagnosticID.limit : DiagnosticID.syntax, severity: .error,
                                          location: here(error.line, error.column),
                                          message: (error.isLimit ? "document rejected: " : "JSON syntax error: ") + error.message(lineOffset: 0)))
            return (nil, diagnostics)
        case .success(let trees):
            guard let tree = trees.first, let root = tree.root() else {
                diagnostics.append(Diagnostic(id: DiagnosticID.notAnObject, severity: .error, location: here(1, 1),
                                              message: "empty document: expected an AKS ManagedCluster JSON object"))
                return (nil, diagnostics)
            }
            return withExtendedLifetime(tree) {
                guard isManagedCluster(root) else {
                    diagnostics.append(Diagnostic(
                        id: DiagnosticID.notAnObject, severity: .error, location: here(root.line, root.column),
                        message: "not an AKS ManagedCluster document (expected `az aks show -o json` output or the ARM body "
                            + "with type Microsoft.ContainerService/managedClusters)"))
                    return (nil, diagnostics)
                }
                var settings: [String: AKSSetting] = [:]
                flatten(root, prefix: "", name: name, into: &settings, diagnostics: &diagnostics)
                let clusterName = settings["name"].flatMap { if case .string(let s) = $0.value { s } else { nil } } ?? "?"
                let invalid = validate(settings, into: &diagnostics)
                return (AKSCluster(name: clusterName, location: here(root.line, root.column), settings: settings,
                                   invalidSettings: invalid), diagnostics)
            }
        }
    }

    /// Whether `node` looks like a ManagedCluster: its `type`, or agent pools / network profile at
    /// the top or under `properties` (keys compared case-insensitively).
    static func isManagedCluster(_ node: YNode) -> Bool {
        guard node.kind == .mapping else { return false }
        let markers: Set<String> = ["agentpoolprofiles", "networkprofile", "kubernetesversion", "fqdn"]
        for (k, v) in node.pairs where k.kind == .scalar {
            let key = k.string.lowercased()
            if key == "type", v.string.lowercased() == "microsoft.containerservice/managedclusters" { return true }
            if markers.contains(key) { return true }
            if key == "properties", v.pairs.contains(where: { markers.contains($0.key.string.lowercased()) }) { return true }
        }
        return false
    }

    /// Deepest setting path read from an AKS document (ARM documents nest under 10 levels), and the
    /// longest key: deeper or longer parts are skipped with one warning, so hostile JSON cannot
    /// make keys quadratic in depth or overflow the stack.
    static let maxSettingDepth = 64, maxKeyLength = 256

    /// Adds every node under `node` to `settings` with normalised keys; a top-level `properties`
    /// mapping is merged into the root. Iterative (explicit stack), depth- and key-length-bounded.
    /// - Complexity: O(nodes × key length), nodes counted with aliases expanded (the composer's
    ///   alias budget bounds them).
    static func flatten(_ node: YNode, prefix: String, name: String, into settings: inout [String: AKSSetting],
                        diagnostics: inout [Diagnostic]) {
        var stack: [(node: YNode, prefix: String, depth: Int)] = [(node, prefix, 0)]
        var skipped: SourceLocation? = nil
        while let (node, prefix, depth) = stack.popLast() {
            let location = SourceLocation(file: name, document: 1, line: node.line, column: node.column)
            if depth > maxSettingDepth {
                skipped = skipped ?? location
                continue
            }
            switch node.kind {
            case .scalar:
                settings[prefix] = AKSSetting(value: scalarValue(node), location: location)
            case .sequence:
                let elements = node.elements
                settings[prefix] = AKSSetting(value: .list(elements.count), location: location)
                for (i, e) in elements.enumerated().reversed() { stack.append((e, "\(prefix)[\(i)]", depth + 1)) }
            case .mapping:
                if !prefix.isEmpty { settings[prefix] = AKSSetting(value: .object, location: location) }
                for (k, v) in node.pairs.reversed() where k.kind == .scalar {
                    let key = k.string.lowercased()
                    if key.utf8.count > maxKeyLength {
                        skipped = skipped ?? SourceLocation(file: name, document: 1, line: k.line, column: k.column)
                        continue
                    }
                    if prefix.isEmpty, key == "properties", v.kind == .mapping {
                        stack.append((v, "", depth + 1))
                    } else {
                        stack.append((v, prefix.isEmpty ? key : "\(prefix).\(key)", depth + 1))
                    }
                }
            }
        }
        if let skipped {
            diagnostics.append(Diagnostic(
                id: DiagnosticID.limit, severity: .warning, location: skipped,
                message: "settings nested deeper than \(maxSettingDepth) levels or with keys over \(maxKeyLength) characters were not read"))
        }
    }

    static func scalarValue(_ node: YNode) -> AKSSetting.Value {
        let text = node.string
        guard node.isPlain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return Double(text) != nil ? .number(text) : .string(text)
        }
    }

    /// Settings whose type or value ARM would reject, as located errors; returns path → reason so
    /// that checks reading them are not evaluated. Booleans: keys `enabled`, `managed`,
    /// `enable…`, `disable…` (ARM's boolean properties; `"true"`/`"false"` strings are accepted, as
    /// add-on `config` values are strings). CIDRs: `apiServerAccessProfile.authorizedIPRanges`
    /// (a list of CIDRs or addresses) and the network profile's pod/service/docker-bridge CIDRs.
    /// - Complexity: O(settings × key length).
    static func validate(_ settings: [String: AKSSetting], into diagnostics: inout [Diagnostic]) -> [String: String] {
        var invalid: [String: String] = [:]
        var found: [Diagnostic] = []
        defer { diagnostics += found.sorted() }
        func report(_ key: String, _ id: String, _ reason: String) {
            invalid[key] = reason
            found.append(Diagnostic(id: id, severity: .error, location: settings[key]?.location, path: key, message: reason))
        }
        func describe(_ v: AKSSetting.Value) -> String {
            switch v {
            case .string: "a string"
            case .bool: "a boolean"
            case .number: "a number"
            case .null: "null"
            case .list: "a list"
            case .object: "an object"
            }
        }
        let cidrLists: Set<String> = ["apiserveraccessprofile.authorizedipranges", "networkprofile.podcidrs",
                                      "networkprofile.servicecidrs"]
        let cidrs: Set<String> = ["networkprofile.podcidr", "networkprofile.servicecidr", "networkprofile.dockerbridgecidr"]
        for key in settings.keys.sorted() {
            guard let value = settings[key]?.value, value != .null else { continue }
            let last = String(key.split(separator: ".").last ?? "")
            if last == "enabled" || last == "managed" || (last.hasPrefix("enable") && !last.contains("[")) || last.hasPrefix("disable") {
                let strict: Set<String> = ["enabled", "managed", "enablerbac", "disablelocalaccounts", "enableazurerbac",
                                           "enableprivatecluster"]
                switch value {
                case .bool: break
                case .string(let s) where ["true", "false"].contains(s.lowercased()): break
                case .list where !strict.contains(last), .object where !strict.contains(last): break
                default: report(key, DiagnosticID.wrongType, "expected a boolean, found \(describe(value))")
                }
            }
            if cidrLists.contains(key), value != .list(0) {
                if case .list = value {} else { report(key, DiagnosticID.wrongType, "expected a list of CIDRs, found \(describe(value))") }
            }
            let parent = key.firstIndex(of: "[").map { String(key[..<$0]) }
            if cidrs.contains(key) || (parent.map(cidrLists.contains) ?? false) && key.hasSuffix("]") {
                guard case .string(let text) = value else {
                    report(key, DiagnosticID.wrongType, "expected a CIDR string, found \(describe(value))")
                    continue
                }
                let t = text.trimmingCharacters(in: .whitespaces)
                if CIDR(t) == nil, IPAddress(t) == nil, t != "*" {
                    report(key, DiagnosticID.invalidValue, "invalid CIDR '\(text)'")
                }
            }
        }
        return invalid
    }
}
