// Linked into every executable of a ThreadSanitizer build (VIPDECK_SANITIZE
// =thread, cmake/VipdeckOptions.cmake), never into a normal one.  It closes
// two blind spots that Qt's uninstrumented library leaves, so that TSan checks
// vipdeck's own code instead of reporting Qt's hand-overs or going quiet.
// docs/sanitizers.md says how each was found.

#include <QFutureInterface>

#include <cstdarg>
#include <dlfcn.h>
#include <functional>
#include <sanitizer/tsan_interface.h>
#include <sched.h>

// 1. QProcess starts its child with clone(CLONE_VM | CLONE_VFORK).  TSan's
// clone interceptor then runs its after-fork code in the child, which shares
// the parent's memory: it marks the parent's thread as "forked while
// multi-threaded" and makes it ignore every access and every synchronisation
// from then on, so after the first QProcess the main thread's hand-overs are
// invisible and the reads on the other side are reported as races.  This
// definition, found before libtsan's, sends Qt's clone() straight to glibc's.
// The parent is suspended until the child calls execve, which TSan does not
// intercept.
extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    using Clone = int (*)(int (*)(void *), void *, int, void *, ...);
    static const Clone glibcClone = [] {
        void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
        return reinterpret_cast<Clone>(libc ? dlvsym(libc, "clone", "GLIBC_2.2.5") : nullptr);
    }();
    if (!glibcClone)
        __builtin_trap();
    va_list rest;
    va_start(rest, arg);
    pid_t *parentTid = va_arg(rest, pid_t *);
    void *tls = va_arg(rest, void *);
    pid_t *childTid = va_arg(rest, pid_t *);
    va_end(rest);
    return glibcClone(fn, stack, flags, arg, parentTid, tls, childTid);
}

// 2. QFuture::then() stores its continuation with
// QFutureInterfaceBase::setContinuation(), and the thread that finishes the
// future runs it; both take a mutex inside libQt6Core.  The link option
// --wrap (VipdeckOptions.cmake) routes vipdeck's calls here: the continuation
// is wrapped so that the attaching thread releases, after it wrote the
// continuation, what the running thread acquires before it reads it.
namespace {

using Continuation = std::function<void(const QFutureInterfaceBase &)>;

struct OrderedContinuation
{
    Continuation run;
    void operator()(const QFutureInterfaceBase &parent)
    {
        __tsan_acquire(this);
        run(parent);
    }
};

Continuation ordered(Continuation run)
{
    Continuation wrapped = OrderedContinuation{std::move(run)};
    // Stored on the heap: the address stays when Qt moves the std::function.
    __tsan_release(wrapped.target<OrderedContinuation>());
    return wrapped;
}

} // namespace

extern "C" {
// QFutureInterfaceBase::setContinuation(std::function<...>)
void __real__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EE(QFutureInterfaceBase *,
                                                                            Continuation);
void __wrap__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EE(
    QFutureInterfaceBase *self, Continuation run)
{
    __real__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EE(self,
                                                                           ordered(std::move(run)));
}

// QFutureInterfaceBase::setContinuation(std::function<...>, QFutureInterfaceBasePrivate *)
void __real__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EEP27QFutureInterfaceBasePrivate(
    QFutureInterfaceBase *, Continuation, QFutureInterfaceBasePrivate *);
void __wrap__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EEP27QFutureInterfaceBasePrivate(
    QFutureInterfaceBase *self, Continuation run, QFutureInterfaceBasePrivate *continuationData)
{
    __real__ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EEP27QFutureInterfaceBasePrivate(
        self, ordered(std::move(run)), continuationData);
}
}
