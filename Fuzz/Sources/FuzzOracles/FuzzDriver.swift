#if FUZZING
    import Foundation

    /// libFuzzer's driver, linked in by `-sanitize=fuzzer`: parses the command line (corpus folders,
    /// `-max_total_time`, …) and calls `callback` once per input.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// The part every fuzz target shares; a target only names its oracle and exports the two
    /// C symbols SwiftPM and libFuzzer look for (`<Product>_main`, `LLVMFuzzerTestOneInput`).
    public enum FuzzDriver {
        /// Loads the target's fixtures, then hands control to libFuzzer. Fixtures are loaded here,
        /// before the first input, because libFuzzer counts memory that an iteration allocates and
        /// keeps (a lazily loaded fixture) as a leak.
        public static func main(
            _ target: FuzzTarget, _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
            _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
        ) -> CInt {
            do {
                try FuzzOracle.prepare(target)
            } catch {
                FileHandleOutput.standardError(
                    "fuzz target \(target.rawValue): fixture setup failed: \(error.description)\n")
                return 1
            }
            var count = argc
            var arguments = argv
            return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
        }

        /// One input: checks the target's properties and aborts (so libFuzzer saves the input) when
        /// one does not hold.
        public static func testOneInput(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
            do {
                try FuzzOracle.checkSynchronously(target, Array(UnsafeBufferPointer(start: data, count: count)))
            } catch {
                FileHandleOutput.standardError("property violated (\(target.rawValue)): \(error.description)\n")
                abort()
            }
            return 0
        }
    }
#endif
