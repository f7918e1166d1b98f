import Foundation
import ReachModel

/// Reads an `--azure DIR` folder into an ``AzureEnvironment``. File names are fixed (issue 18):
/// `aks.json`, `role-assignments.json`, `role-definitions.json`, `group-members/<group object id>.json`,
/// `identities.json`, `federated-credentials/<identity name>.json`, `keyvaults.json`; each is optional.
/// Never throws: unreadable files, JSON syntax errors and wrong types are located diagnostics.
public enum AzureDirectoryReader {
    /// The fixed file names.
    public enum FileName {
        public static let cluster = "aks.json"
        public static let roleAssignments = "role-assignments.json"
        public static let roleDefinitions = "role-definitions.json"
        public static let groupMembers = "group-members"
        public static let identities = "identities.json"
        public static let federatedCredentials = "federated-credentials"
        public static let keyVaults = "keyvaults.json"
    }

    /// Reads the folder `directory`. A missing folder is an error; missing files are not.
    /// - Complexity: O(total size of the files).
    public static func load(directory: String, maxFileBytes: Int = 64 << 20) -> (environment: AzureEnvironment, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var env = AzureEnvironment()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .error,
                                          location: SourceLocation(file: directory, document: 0, line: 0, column: 0),
                                          message: "--azure expects a folder (written by scripts/collect-azure.sh)"))
            return (env, diagnostics)
        }
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        if FileManager.default.fileExists(atPath: path(FileName.cluster)) {
            let r = AKSClusterReader.load(path: path(FileName.cluster), maxFileBytes: maxFileBytes)
            env.cluster = r.cluster
            diagnostics += r.diagnostics
        }
        env.roleAssignments = read(path(FileName.roleAssignments), limit: maxFileBytes, into: &diagnostics) { $0.roleAssignments($1) } ?? []
        env.roleDefinitions = read(path(FileName.roleDefinitions), limit: maxFileBytes, into: &diagnostics) { $0.roleDefinitions($1) } ?? []
        env.identities = read(path(FileName.identities), limit: maxFileBytes, into: &diagnostics) { $0.identities($1) } ?? []
        env.keyVaults = read(path(FileName.keyVaults), limit: maxFileBytes, into: &diagnostics) { $0.keyVaults($1) } ?? []
        for (key, file) in jsonFiles(in: path(FileName.groupMembers)) {
            if let members = read(file, limit: maxFileBytes, into: &diagnostics, { $0.groupMembers($1) }) {
                env.groupMembers[key.lowercased()] = members
            }
        }
        for (key, file) in jsonFiles(in: path(FileName.federatedCredentials)) {
            if let creds = read(file, limit: maxFileBytes, into: &diagnostics, { $0.federatedCredentials($1) }) {
                env.federatedCredentials[key] = creds
            }
        }
        return (env, diagnostics.sorted())
    }

    /// Reads in-memory text of one file kind (tests, stdin): `name` is the file name used in
    /// locations and picks the decoder (`role-assignments.json`, …; group member and federated
    /// credential files by their folder: `group-members/x.json`).
    /// - Complexity: O(text length).
    public static func read(text: String, name: String, into env: inout AzureEnvironment) -> [Diagnostic] {
        var d = AzureDecoder(file: name)
        guard let root = d.parse(text) else { return d.diagnostics }
        let base = (name as NSString).lastPathComponent, key = (base as NSString).deletingPathExtension
        switch true {
        case base == FileName.roleAssignments: env.roleAssignments += d.roleAssignments(root)
        case base == FileName.roleDefinitions: env.roleDefinitions += d.roleDefinitions(root)
        case base == FileName.identities: env.identities += d.identities(root)
        case base == FileName.keyVaults: env.keyVaults += d.keyVaults(root)
        case name.contains(FileName.groupMembers + "/"): env.groupMembers[key.lowercased(), default: []] += d.groupMembers(root)
        case name.contains(FileName.federatedCredentials + "/"): env.federatedCredentials[key, default: []] += d.federatedCredentials(root)
        default:
            d.diagnostics.append(Diagnostic(id: DiagnosticID.invalidValue, severity: .error,
                                            location: SourceLocation(file: name, document: 0, line: 0, column: 0),
                                            message: "not one of the --azure file names"))
        }
        return d.diagnostics.sorted()
    }

    /// Reads and decodes one optional file (`nil` when absent or unreadable).
    private static func read<T>(_ file: String, limit: Int, into diagnostics: inout [Diagnostic],
                                _ decode: (inout AzureDecoder, LocatedJSON) -> T) -> T? {
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let data = InputFiles.read(file, limit: limit, diagnostics: &diagnostics) else { return nil }
        guard let text = InputFiles.decodeText(data) else {
            diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .error,
                                          location: SourceLocation(file: file, document: 0, line: 0, column: 0),
                                          message: "not valid UTF-8 or UTF-16 text"))
            return nil
        }
        var d = AzureDecoder(file: file)
        defer { diagnostics += d.diagnostics }
        guard let root = d.parse(text) else { return nil }
        return decode(&d, root)
    }

    /// `(file name without .json, path)` of the `.json` files of a folder, sorted by name.
    private static func jsonFiles(in dir: String) -> [(String, String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
            .map { (String($0.dropLast(5)), (dir as NSString).appendingPathComponent($0)) }
    }
}
