package render

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"briefing/internal/parallel"
)

// Each renders every file and hands it to put as soon as it is made, on
// as many goroutines as there are processors, so that a site can be
// written while it renders and never be held whole in memory. put is
// called from several goroutines at once, once for each output path (the
// static files included), and may use data only until it returns: the
// buffers pages are rendered into are reused. Files are not kept: a later
// File renders its page again.
//
// Every page is rendered, as All renders them, so that the Diags of a
// failed site are complete; after the first failure no more files are
// handed to put. The error is that of All, or the first error put
// returned, in which case the rendering stops at once.
func (o *Output) Each(put func(name string, data []byte) error) error {
	var failed atomic.Bool // a page failed: render the rest, hand none over
	var halt atomic.Bool   // put failed: stop
	var putErr error
	var once sync.Once
	err := o.each(&halt, func(i int) error {
		name := o.order[i]
		buf := o.r.buffer()
		defer o.r.bufs.Put(buf)
		data, err := o.uncached(name, buf)
		if err != nil {
			failed.Store(true)
			return err
		}
		if failed.Load() {
			return nil
		}
		if err := put(name, data); err != nil {
			once.Do(func() { putErr = err })
			failed.Store(true)
			halt.Store(true)
			return err
		}
		return nil
	})
	if putErr != nil {
		return putErr
	}
	if err != nil {
		return err
	}
	for name, data := range o.static {
		if err := put(name, data); err != nil {
			return err
		}
	}
	return nil
}

// uncached returns the contents of the non-static file name: those File
// made already, or else rendered afresh into buf and not kept.
func (o *Output) uncached(name string, buf *bytes.Buffer) ([]byte, error) {
	f := o.files[name]
	if f.done.Load() {
		return f.data, f.err
	}
	if f.make != nil {
		return f.make()
	}
	return o.render(name, f.page(), buf)
}

// buffer returns an empty buffer to render a page into, one that an
// earlier page used when there is one, since a large site's pages would
// otherwise each grow a buffer of their own.
func (r *Renderer) buffer() *bytes.Buffer {
	if b, ok := r.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

// each calls f(i) for the index of every non-static file, on as many
// goroutines as there are processors, and returns when all calls have
// returned. It stops starting calls when halt is set, or the Output's
// context is done or a page has run out of time, and then returns that
// error; otherwise it returns the error of the first file in site order
// whose call failed, wrapped with the file's name unless it is a
// template's. The data files go first, then the index pages: each is one
// long step (the data of the whole site, a list of all of it), which at
// the end would leave the other cores idle (see Output.sched).
func (o *Output) each(halt *atomic.Bool, f func(i int) error) error {
	n := len(o.sched)
	stopped := errors.New("stopped") // ends parallel.Each; the cause is told below
	var mu sync.Mutex                // guards first and firstErr
	first, firstErr := n, error(nil)
	parallel.Each(n, func(k int) error {
		if halt.Load() || o.ctx.Err() != nil || o.stuck.Load() != nil {
			return stopped
		}
		i := o.sched[k]
		if err := f(i); err != nil {
			mu.Lock()
			if i < first {
				first, firstErr = i, err
			}
			mu.Unlock()
		}
		return nil
	})
	if err := o.ctx.Err(); err != nil {
		return err
	}
	if te := o.stuck.Load(); te != nil {
		return te
	}
	if firstErr != nil {
		if _, ok := firstErr.(*TemplateError); !ok {
			firstErr = fmt.Errorf("render %s: %w", o.order[first], firstErr)
		}
		return firstErr
	}
	return nil
}
