import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: paths that used to load as "0 objects" with no diagnostic now give located errors.
@Suite struct InputPathTests {
    /// A fresh temporary directory holding one valid manifest in `manifests/`.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-paths-\(UUID().uuidString)")
        let manifests = dir.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: Namespace\nmetadata: {name: loaded}\n"
            .write(to: manifests.appendingPathComponent("ns.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Before: "Loaded 0 objects", no diagnostic.
    @Test func symlinkToADirectoryIsFollowed() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("manifests").path)
        let s = ManifestLoader().load(paths: [link])
        #expect(s.namespaces.map(\.name) == ["loaded"])
        #expect(s.diagnostics.isEmpty, "\(s.diagnostics)")
    }

    @Test func symlinkCycleIsALocatedErrorAndTheRestLoads() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifests = dir.appendingPathComponent("manifests")
        try FileManager.default.createSymbolicLink(atPath: manifests.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: manifests.appendingPathComponent("self.yaml").path, withDestinationPath: "self.yaml")
        let s = ManifestLoader().load(paths: [manifests.path])
        #expect(s.namespaces.map(\.name) == ["loaded"])
        #expect(s.errors.contains { $0.location?.file == manifests.path + "/loop" && $0.message.contains("symbolic link cycle") }, "\(s.diagnostics)")
        #expect(s.errors.contains { $0.location?.file == manifests.path + "/self.yaml" && $0.message.contains("symbolic link cycle") })
    }

    @Test func pathWithNoManifestFilesIsAnError() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "not a manifest".write(to: empty.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let s = ManifestLoader().load(paths: [empty.path])
        #expect(s.errors.map(\.id) == [DiagnosticID.noInput])
        #expect(s.errors.first?.location?.file == empty.path)
    }

    @Test func nonUTF8FileNameIsALocatedError() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifests = dir.appendingPathComponent("manifests").path
        let raw = Array(manifests.utf8) + Array("/bad-\u{FF}".utf8.prefix(5)) + [0xFF, 0x2E, 0x79, 0x61, 0x6D, 0x6C, 0]
        let fd = raw.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let s = ManifestLoader().load(paths: [manifests])
        #expect(s.namespaces.map(\.name) == ["loaded"])
        #expect(s.errors.contains { $0.message.contains("not valid UTF-8") && $0.location?.file == manifests + "/bad-\\xFF.yaml" }, "\(s.diagnostics)")
    }

    /// Root can read anything, so the permission case only runs as an ordinary user.
    @Test func unreadableDirectoryIsAnError() throws {
        guard geteuid() != 0 else { print("⚠️  unreadableDirectoryIsAnError: running as root, permissions are not enforced; skipped"); return }
        let dir = try Self.scratch()
        defer { chmod(dir.appendingPathComponent("manifests").path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let manifests = dir.appendingPathComponent("manifests").path
        chmod(manifests, 0o000)
        let s = ManifestLoader().load(paths: [manifests])
        #expect(s.errors.contains { $0.message.contains("cannot read directory") })
    }

    @Test func brokenSymlinkIsNamedAsSuch() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("dangling.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "missing.yaml")
        let s = ManifestLoader().load(paths: [link])
        #expect(s.errors.first?.message.contains("broken symbolic link") == true)
    }

    /// Before: `-f - < /dev/zero` read without bound. Now standard input (and any device or FIFO)
    /// is read in chunks and refused past the size limit.
    @Test func endlessInputStopsAtTheLimit() {
        let limit = 4 << 20
        let s = ManifestLoader(options: LoadOptions(maxFileBytes: limit)).load(paths: ["/dev/zero"])
        #expect(s.errors.map(\.id) == [DiagnosticID.tooLarge])
        let stdin = ManifestLoader(options: LoadOptions(maxFileBytes: 10)).load(paths: ["-"], stdin: { Data(count: 11) })
        #expect(stdin.errors.map(\.id) == [DiagnosticID.tooLarge])
        #expect(stdin.errors.first?.location?.file == "<stdin>")
    }

    /// `query --queries -` used `readDataToEndOfFile()`; it now goes through the same capped reader.
    @Test func otherInputsAreCappedToo() {
        let (data, diagnostics) = CappedInput.read("/dev/zero", limit: 1 << 20)
        #expect(data == nil)
        #expect(diagnostics.map(\.id) == [DiagnosticID.tooLarge])
        #expect(CappedInput.read(TestPaths.fixture("invalid/merge-keys.yaml")).data != nil)
    }
}
