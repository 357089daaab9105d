//! What the spool test binaries share: the stack over a [`Switch`] primary,
//! transcript segments, the primary's own texts, and a small tmpfs for the
//! disk-fault tests.
#![allow(dead_code)] // each test binary uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use realtime_store::{
    GroupCommit, Layer, MemoryStore, PageRequest, Reads, RealtimeStore, Role, Spool, SpoolConfig,
    Timestamp, TranscriptSegment,
};
use realtime_store_testkit::Switch;

pub(crate) type Primary = Switch<MemoryStore>;
pub(crate) type Stack = RealtimeStore<GroupCommit<Spool<Primary>>>;

pub(crate) fn cfg(path: &Path) -> SpoolConfig {
    SpoolConfig::new(path).retry_every(Duration::from_millis(10))
}

pub(crate) async fn stack_with(primary: Primary, cfg: SpoolConfig) -> Stack {
    let spool = Spool::open(primary, cfg).await.expect("open spool");
    RealtimeStore::new(GroupCommit::new(spool))
}

pub(crate) fn spool_of(s: &Stack) -> &Spool<Primary> {
    s.backend().inner()
}

pub(crate) fn seg(session: usize, i: usize, text: &str) -> TranscriptSegment {
    let mut s = TranscriptSegment::new(
        Role::User,
        format!("{text} {session} {i}"),
        Timestamp::from_millis(1_700_000_000_000 + i as i64),
    );
    s.item_id = Some(format!("item-{i}"));
    s
}

/// The texts the primary itself holds for a session, in `seq` order.
pub(crate) async fn primary_texts(p: &Primary, id: &str) -> Vec<String> {
    p.primary()
        .get_transcripts(id, &PageRequest::first(1000))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// Whether this test may not run here: prints why and returns `true`, or
/// fails when `CI` is set (CI runs as root with the tools installed).
pub(crate) fn skip(why: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("CI must run this test, but: {why}");
    }
    println!("skipped: {why}");
    true
}

fn run(cmd: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A small tmpfs mounted on a fresh directory, unmounted on drop.
pub(crate) struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts one of `size` (e.g. `2m`); `Err` says why it could not (not root,
    /// no `mount`).
    pub(crate) fn mount(size: &str) -> Result<Self, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().display().to_string();
        run(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
                &path,
            ],
        )?;
        Ok(Tmpfs { dir })
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Remounts read-only (`true`) or read-write.
    pub(crate) fn set_read_only(&self, ro: bool) {
        let path = self.path().display().to_string();
        let opt = if ro { "remount,ro" } else { "remount,rw" };
        run("mount", &["-o", opt, &path]).expect("remount");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let path = self.path().display().to_string();
        if let Err(e) = run("umount", &[&path]) {
            // A lazy unmount still frees the mount point for the temp dir's removal.
            eprintln!("umount: {e}");
            let _ = run("umount", &["-l", &path]);
        }
    }
}

/// A small ext4 filesystem in a file, loop-mounted with `errors=remount-ro`,
/// unmounted on drop.
pub(crate) struct LoopFs {
    image: tempfile::TempDir,
    mnt: tempfile::TempDir,
}

impl LoopFs {
    /// Makes and mounts one of `mib` MiB; `Err` says why it could not.
    pub(crate) fn mount(mib: u64) -> Result<Self, String> {
        let image = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mnt = tempfile::tempdir().map_err(|e| e.to_string())?;
        let img = image.path().join("fs.img");
        std::fs::File::create(&img)
            .and_then(|f| f.set_len(mib << 20))
            .map_err(|e| e.to_string())?;
        let img = img.display().to_string();
        run("mkfs.ext4", &["-q", "-F", &img])?;
        let fs = LoopFs { image, mnt };
        fs.mount_again()?;
        Ok(fs)
    }

    fn img(&self) -> String {
        self.image.path().join("fs.img").display().to_string()
    }

    fn mount_again(&self) -> Result<(), String> {
        let at = self.path().display().to_string();
        run("mount", &["-o", "loop,errors=remount-ro", &self.img(), &at])
    }

    pub(crate) fn path(&self) -> &Path {
        self.mnt.path()
    }

    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.mnt.path().join(name)
    }

    /// Makes the filesystem read-only under its open files: `mount -o
    /// remount,ro` (refused with EBUSY while a file is open for writing, as
    /// the spool's are), else the kernel's own error path (ext4's
    /// `trigger_fs_error` with `errors=remount-ro`: what a disk error does).
    /// Returns whether the plain remount worked (then `remount,rw` undoes it).
    pub(crate) fn go_read_only(&self) -> bool {
        let at = self.path().display().to_string();
        if run("mount", &["-o", "remount,ro", &at]).is_ok() {
            return true;
        }
        let out = Command::new("findmnt")
            .args(["-n", "-o", "SOURCE", &at])
            .output()
            .expect("findmnt");
        let src = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let dev = Path::new(&src)
            .file_name()
            .expect("a loop device")
            .to_string_lossy()
            .into_owned();
        std::fs::write(format!("/sys/fs/ext4/{dev}/trigger_fs_error"), "spool test")
            .expect("trigger_fs_error");
        false
    }

    /// `mount -o remount,rw`.
    pub(crate) fn remount_rw(&self) {
        let at = self.path().display().to_string();
        run("mount", &["-o", "remount,rw", &at]).expect("remount rw");
    }

    /// What an operator does after a filesystem error: unmount, fsck, mount. The
    /// unmount is retried for a while: a closed store's files can take a moment
    /// to be released (connections close on their own threads).
    pub(crate) async fn repair(&self) {
        let at = self.path().display().to_string();
        let mut tries = 0;
        while let Err(e) = run("umount", &[&at]) {
            tries += 1;
            assert!(tries < 100, "umount: {e}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // e2fsck exits 1 when it fixed something.
        let _ = Command::new("e2fsck").args(["-fy", &self.img()]).output();
        self.mount_again().expect("mount again");
    }
}

impl Drop for LoopFs {
    fn drop(&mut self) {
        let path = self.path().display().to_string();
        if run("umount", &[&path]).is_err() {
            let _ = run("umount", &["-l", &path]);
        }
    }
}
