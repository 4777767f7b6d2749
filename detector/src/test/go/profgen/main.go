// Command profgen writes a goroutine, a mutex and a block profile (gzipped pprof protobuf) of a small workload
// into the directory given as its only argument. The profiles are test inputs for profgate's pprof reader.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	jobs  = make(chan int)
	ticks = make(chan struct{})
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: profgen OUTPUT_DIR")
		os.Exit(2)
	}
	runtime.SetMutexProfileFraction(1)
	runtime.SetBlockProfileRate(1)

	contend()
	handOff()
	parkGoroutines()

	for _, name := range []string{"goroutine", "mutex", "block"} {
		write(filepath.Join(os.Args[1], name+".pb.gz"), name)
	}
}

// contend makes workers wait for a mutex that holdLock keeps for a while (mutex and block profiles).
func contend() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); holdLock(5 * time.Millisecond) }()
		go func() { defer wg.Done(); lockBriefly() }()
	}
	wg.Wait()
}

func holdLock(d time.Duration) {
	mu.Lock()
	time.Sleep(d)
	mu.Unlock()
}

func lockBriefly() {
	time.Sleep(time.Millisecond)
	mu.Lock()
	mu.Unlock()
}

// handOff blocks a consumer on channel receives until a slow producer sends (block profile).
func handOff() {
	done := make(chan struct{})
	go consume(done)
	produce(3, 2*time.Millisecond)
	close(jobs)
	<-done
	jobs = make(chan int)
}

func produce(n int, pause time.Duration) {
	for i := 0; i < n; i++ {
		time.Sleep(pause)
		jobs <- i
	}
}

func consume(done chan<- struct{}) {
	for range jobs {
	}
	close(done)
}

// parkGoroutines leaves goroutines waiting in different places for the goroutine profile.
func parkGoroutines() {
	for i := 0; i < 3; i++ {
		go waitForJob()
	}
	for i := 0; i < 2; i++ {
		go pollLoop()
	}
	go napper()
	mu.Lock()
	go lockWaiter()
	time.Sleep(20 * time.Millisecond)
}

func waitForJob() { <-jobs }

func pollLoop() {
	for {
		select {
		case <-ticks:
		case <-jobs:
		}
	}
}

func napper() { time.Sleep(time.Hour) }

func lockWaiter() {
	mu.Lock()
	mu.Unlock()
}

func write(path, profile string) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup(profile).WriteTo(f, 0); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}
