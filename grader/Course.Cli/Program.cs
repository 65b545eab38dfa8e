Console.WriteLine("course: not yet written.");
return 0;
