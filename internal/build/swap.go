package build

import (
	"fmt"
	"os"
)

// swap puts the finished folder tmp in place of dest. The old destination is
// moved aside first and removed only after the new one is in place, so at
// every moment one complete site exists at dest or beside it.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = dest + ".old"
		os.RemoveAll(old)
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("cannot move the previous site aside: %v", err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		return fmt.Errorf("cannot move the new site into place: %v", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
