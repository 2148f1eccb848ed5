package smtp

import "sync"

// Server is a mail server, not an HTTP one.
type Server struct{ wg sync.WaitGroup }

// Drain waits for the SMTP sessions to end.
func (s *Server) Drain() { s.wg.Wait() }
