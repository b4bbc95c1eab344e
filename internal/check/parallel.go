package check

import (
	"runtime"
	"sync"
)

// parallel runs do(0) … do(n-1) on every core and returns the first error.
// Checking hundreds of pages is CPU work; Hugo has finished, so the cores
// are free.
func parallel(n int, do func(i int) error) error {
	next := make(chan int)
	errs := make([]error, runtime.NumCPU())
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for i := range next {
				if err := do(i); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
