#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte writer: formatters append bytes, the buffer is handed to `sink` whenever it
/// fills, so the memory of an output never grows with its length beyond `capacity`.
///
/// Written by hand over a raw buffer and `memcpy` (not `FileHandle`, `String` concatenation or a
/// growing `[UInt8]`) because the `reach` pair outputs write hundreds of millions of short pieces:
/// each append must cost a bounds check and a copy, nothing more.
/// The first error the sink throws is kept; later writes are dropped and ``finish()`` rethrows it.
public final class ByteWriter {
    /// Receives each full buffer (and the last partial one on ``finish()``).
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let storage: UnsafeMutableRawPointer
    private var used = 0
    private let capacity: Int
    private let sink: Sink
    /// The first error the sink threw.
    public private(set) var error: (any Error)?
    /// Bytes handed to the sink so far.
    private var flushed = 0

    /// - Parameter capacity: buffer size in bytes (default 1 MiB).
    public init(capacity: Int = 1 << 20, sink: @escaping Sink) {
        self.capacity = max(capacity, 64)
        self.sink = sink
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Bytes written so far (handed to the sink or buffered).
    public var count: Int { flushed + used }

    /// A writer that collects everything in memory (tests, small documents).
    public static func collecting() -> (ByteWriter, () -> [UInt8]) {
        let box = Collector()
        let w = ByteWriter(capacity: 1 << 16) { box.bytes.append(contentsOf: $0) }
        return (w, { box.bytes })
    }

    private final class Collector { var bytes: [UInt8] = [] }

    /// Appends the UTF-8 of `text`.
    /// - Complexity: O(text.utf8.count) amortised.
    public func write(_ text: String) {
        var t = text
        t.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    /// - Complexity: O(1) amortised.
    @inline(__always)
    public func write(byte: UInt8) {
        if used == capacity { drain() }
        storage.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
        used += 1
    }

    /// Appends `bytes`.
    /// - Complexity: O(bytes.count) amortised.
    @inline(__always)
    public func write(bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return }
        if used + n > capacity {
            drain()
            if n > capacity { emit(bytes); flushed += n; return }
        }
        memcpy(storage + used, base, n)
        used += n
    }

    /// Appends `bytes` (pre-encoded text).
    public func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    /// Appends `n` copies of `byte` (indentation).
    public func write(repeating byte: UInt8, count n: Int) {
        for _ in 0..<max(0, n) { write(byte: byte) }
    }

    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits).
    public func write(decimal value: Int) {
        write(String(value))
    }

    /// Hands the buffered bytes to the sink and rethrows the first sink error, if any.
    public func finish() throws {
        drain()
        if let error { throw error }
    }

    private func drain() {
        guard used > 0 else { return }
        emit(UnsafeRawBufferPointer(start: storage, count: used))
        flushed += used
        used = 0
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        do { try sink(bytes) } catch { self.error = error }
    }
}
