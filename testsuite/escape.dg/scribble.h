/* Overwrites the stack below the caller's frame, where the slots of a
   frame that has returned were: a run test that reads an object after
   calling it sees the bytes 0xa5 if the object was wrongly moved into
   that frame.  */
__attribute__ ((noipa)) static void
scribble (void)
{
  volatile char junk[8192];
  for (unsigned i = 0; i < sizeof junk; i++)
    junk[i] = (char) 0xa5;
}
