//go:build unix

package search

import "syscall"

// cpuTime returns the CPU time that the process has used, in user and
// system mode, in nanoseconds, or 0 if it is unknown.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
